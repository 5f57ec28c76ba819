import { z } from 'zod';
import {
  assessments,
  competenceLevels,
  type Competence,
  type CompetenceRequirement,
  type Evidence,
  type ExternalCoverage,
  type PersonCompetence,
  type RequirementScope,
} from '../core/competence-types.js';
import { declareRecord, type Same } from './declare.js';
import { id, jsonOf, localDate } from './fields.js';
import { choice, column, date, json, multiLine, recordKey, singleLine, title, whole } from './sharepoint-columns.js';

/** Competence management (ISO 9001 7.2): the catalogue, requirements, levels and bought-in cover. */

const competenceLevel = z.custom<(typeof competenceLevels)[number]>(
  (value) => typeof value === 'number' && (competenceLevels as readonly number[]).includes(value),
  { message: 'A level 0-4' },
);

export const competenceSchema = z.object({
  id,
  name: z.string().min(1),
  category: z.string(),
  description: z.string(),
  validityMonths: z.number().int().min(0).nullable(),
});
export const competenceRecord = declareRecord(competenceSchema, {
  kind: 'competence',
  sqlite: {
    table: 'competences',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['name', 'name', 'text'],
      ['category', 'category', 'text'],
      ['description', 'description', 'text'],
      ['validityMonths', 'validity_months', 'integer'],
    ],
  },
  sharepoint: {
    list: {
      key: 'competences',
      displayName: 'Competences',
      description: 'The competences the municipality needs (ISO 9001 7.2).',
      template: 'genericList',
    },
    key: (competence) => competence.id,
    title: (competence) => competence.name,
    columns: [
      ['name', 'text', title('Name.')],
      ['id', 'text', recordKey('The competence id.')],
      ['category', 'text', column('category', 'Grouping in the matrix.', singleLine())],
      ['description', 'text', column('description', 'What the competence covers.', multiLine)],
      [
        'validityMonths',
        'number',
        column('validityMonths', 'Months a qualification lasts; empty: it does not expire.', whole(0)),
      ],
    ],
  },
});

export const competenceRequirementSchema = z.object({
  id,
  competenceId: id,
  scope: jsonOf<RequirementScope>(),
  minPeople: z.number().int().min(0),
  minLevel: competenceLevel,
});
export const competenceRequirementRecord = declareRecord(competenceRequirementSchema, {
  kind: 'competence requirement',
  sqlite: {
    table: 'competence_requirements',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['competenceId', 'competence_id', 'text'],
      ['scope', 'scope', 'json'],
      ['minPeople', 'min_people', 'integer'],
      ['minLevel', 'min_level', 'integer'],
    ],
  },
  sharepoint: {
    list: {
      key: 'competenceRequirements',
      displayName: 'CompetenceRequirements',
      description: 'At least N people at level L or above, per unit, procedure or area.',
      template: 'genericList',
    },
    key: (requirement) => requirement.id,
    title: (requirement) => `${requirement.competenceId} ${requirement.id}`,
    columns: [
      [null, null, title('Competence and scope.')],
      ['id', 'text', recordKey('The requirement id.')],
      ['competenceId', 'text', column('competenceKey', 'The competence (KhKey in Competences).', singleLine(100))],
      ['scope', 'json', column('scope', 'Unit, procedure or area: JSON.', json)],
      ['minPeople', 'number', column('minPeople', 'How many people at least.', whole(0))],
      ['minLevel', 'number', column('minLevel', 'The lowest level that counts (0-4).', whole(0, 4))],
    ],
  },
});

/** One item per (person, competence): the key makes a second write of the pair an update. */
export const personCompetenceKey = (record: { personId: string; competenceId: string }) =>
  `${record.personId}:${record.competenceId}`;

export const personCompetenceSchema = z.object({
  personId: id,
  competenceId: id,
  level: competenceLevel,
  evidence: jsonOf<Evidence>().nullable(),
  validUntil: localDate.nullable(),
  assessment: z.enum(assessments),
  confirmedBy: id.nullable(),
});
export const personCompetenceRecord = declareRecord(personCompetenceSchema, {
  kind: 'person competence',
  sqlite: {
    table: 'person_competences',
    primaryKey: ['person_id', 'competence_id'],
    write: 'upsert',
    columns: [
      ['personId', 'person_id', 'text'],
      ['competenceId', 'competence_id', 'text'],
      ['level', 'level', 'integer'],
      ['evidence', 'evidence', 'json'],
      ['validUntil', 'valid_until', 'text'],
      ['assessment', 'assessment', 'text'],
      ['confirmedBy', 'confirmed_by', 'text'],
    ],
  },
  sharepoint: {
    list: {
      key: 'personCompetences',
      displayName: 'PersonCompetences',
      description: "Each person's level per competence, with evidence and validity.",
      template: 'genericList',
    },
    key: personCompetenceKey,
    title: personCompetenceKey,
    columns: [
      [null, null, title('Person and competence.')],
      [null, null, recordKey('personId:competenceId.')],
      ['personId', 'text', column('personKey', 'The person (KhKey in People).', singleLine(100), { indexed: true })],
      ['competenceId', 'text', column('competenceKey', 'The competence (KhKey in Competences).', singleLine(100))],
      ['level', 'number', column('level', 'Level 0-4.', whole(0, 4))],
      ['evidence', 'json', column('evidence', 'Course, certificate or experience: JSON.', json)],
      ['validUntil', 'date', column('validUntil', 'Last valid day.', date)],
      [
        'assessment',
        'text',
        column('assessment', 'Self-assessed or confirmed by the leader.', choice(['self', 'confirmed'])),
      ],
      ['confirmedBy', 'text', column('confirmedBy', 'Confirmed by (KhKey in People).', singleLine(100))],
    ],
  },
});

export const externalCoverageSchema = z.object({
  id,
  requirementId: id,
  supplier: z.string().min(1),
  decidedOn: localDate,
  decidedBy: id,
  contractEnd: localDate.nullable(),
  note: z.string(),
});
export const externalCoverageRecord = declareRecord(externalCoverageSchema, {
  kind: 'external coverage decision',
  sqlite: {
    table: 'external_coverage',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['requirementId', 'requirement_id', 'text'],
      ['supplier', 'supplier', 'text'],
      ['decidedOn', 'decided_on', 'text'],
      ['decidedBy', 'decided_by', 'text'],
      ['contractEnd', 'contract_end', 'text'],
      ['note', 'note', 'text'],
    ],
  },
  sharepoint: {
    list: {
      key: 'externalCoverage',
      displayName: 'ExternalCoverage',
      description: 'Dated decisions to buy a competence from a supplier.',
      template: 'genericList',
    },
    key: (coverage) => coverage.id,
    title: (coverage) => coverage.supplier,
    columns: [
      [null, null, title('Supplier.')],
      ['id', 'text', recordKey('The decision id.')],
      [
        'requirementId',
        'text',
        column('requirementKey', 'The requirement (KhKey in CompetenceRequirements).', singleLine(100)),
      ],
      ['supplier', 'text', column('supplier', 'The supplier.', singleLine())],
      ['decidedOn', 'date', column('decidedOn', 'Decided on.', date)],
      ['decidedBy', 'text', column('decidedBy', 'Decided by (KhKey in People).', singleLine(100))],
      ['contractEnd', 'date', column('contractEnd', 'Last day of the contract; empty: open-ended.', date)],
      ['note', 'text', column('note', 'Why, and on what terms.', multiLine)],
    ],
  },
});

export const competenceTypesMatch: [
  Same<z.output<typeof competenceSchema>, Competence>,
  Same<z.output<typeof competenceRequirementSchema>, CompetenceRequirement>,
  Same<z.output<typeof personCompetenceSchema>, PersonCompetence>,
  Same<z.output<typeof externalCoverageSchema>, ExternalCoverage>,
] = [true, true, true, true];
