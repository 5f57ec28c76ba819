import { areaUnitsFrom } from '../app/report-competence-gaps.js';
import { expiringQualifications, findCompetenceGaps } from '../core/competence-gaps.js';
import type {
  Competence,
  CompetenceRequirement,
  ExternalCoverage,
  PersonCompetence,
} from '../core/competence-types.js';
import type { LocalDate } from '../core/local-date.js';
import { reminderRules } from '../core/reminder-schedule.js';
import type { Person, Procedure, Unit } from '../core/types.js';
import { leaderDirectory, leaderFrom, leaderOfPerson, requirementUnit } from '../core/unit-leaders.js';
import type { QualificationCandidate, RequirementCandidate } from './reminder-source.js';

export type CompetenceRecords = {
  people: Pick<Person, 'id' | 'name' | 'unitId' | 'roles' | 'leaderId'>[];
  units: Unit[];
  competences: Pick<Competence, 'id' | 'name'>[];
  requirements: CompetenceRequirement[];
  /** At least every record whose `validUntil` is within 90 days either side of today, and every record of a required competence. */
  personCompetences: PersonCompetence[];
  externalCoverage: ExternalCoverage[];
  procedures: Pick<Procedure, 'id' | 'code' | 'title' | 'unitId' | 'area'>[];
};

/**
 * The competence reminders' candidates from the records a reminder source has read (both
 * sources share this, so SQLite and SharePoint agree): qualifications whose `validUntil` lies
 * within the notice window, and requirements that are unmet today and have a leader to tell.
 * Coverage is worked out per competence, so each requirement only looks at its own records.
 */
export function competenceCandidates(
  records: CompetenceRecords,
  today: LocalDate,
): (QualificationCandidate | RequirementCandidate)[] {
  const directory = leaderDirectory(records.people, records.units);
  const people = new Map(records.people.map((person) => [person.id, person]));
  const competenceName = new Map(records.competences.map((competence) => [competence.id, competence.name]));
  const candidates: (QualificationCandidate | RequirementCandidate)[] = [];

  const notice = reminderRules.qualificationNoticeDays['qualification-expiring-90'];
  for (const expiring of expiringQualifications(records.personCompetences, today, notice)) {
    if (-expiring.daysLeft > reminderRules.qualificationExpiredForDays) continue;
    const record = expiring.personCompetence;
    const person = people.get(record.personId);
    if (!person) continue;
    candidates.push({
      kind: 'qualification',
      personId: person.id,
      competenceId: record.competenceId,
      validUntil: expiring.validUntil,
      leaderId: leaderOfPerson(person, directory),
      personName: person.name,
      competenceName: competenceName.get(record.competenceId) ?? record.competenceId,
      level: record.level,
    });
  }

  const procedures = new Map(records.procedures.map((procedure) => [procedure.id, procedure]));
  const unitNames = new Map(records.units.map((unit) => [unit.id, unit.name]));
  const scopeInput = {
    directory,
    units: records.units,
    procedureUnitOf: new Map(records.procedures.map((procedure) => [procedure.id, procedure.unitId])),
    areaUnitsOf: areaUnitsFrom(records.procedures, records.units),
  };
  // Requirements with someone to tell, grouped by competence.
  const answerable = new Map<string, { requirement: CompetenceRequirement; unitId: string; leaderId: string }[]>();
  for (const requirement of records.requirements) {
    const unitId = requirementUnit(requirement.scope, scopeInput);
    const leaderId = unitId === null ? null : leaderFrom(unitId, directory);
    if (unitId === null || leaderId === null) continue;
    const group = answerable.get(requirement.competenceId) ?? [];
    group.push({ requirement, unitId, leaderId });
    answerable.set(requirement.competenceId, group);
  }
  const recordsOf = new Map<string, PersonCompetence[]>();
  for (const record of records.personCompetences) {
    if (!answerable.has(record.competenceId)) continue;
    const group = recordsOf.get(record.competenceId) ?? [];
    group.push(record);
    recordsOf.set(record.competenceId, group);
  }
  for (const [competenceId, group] of answerable) {
    const coverage = findCompetenceGaps({
      ...scopeInput,
      requirements: group.map((entry) => entry.requirement),
      people: records.people as Person[],
      personCompetences: recordsOf.get(competenceId) ?? [],
      externalCoverage: records.externalCoverage,
      today,
    });
    coverage.forEach((item, index) => {
      const entry = group[index];
      if (!entry || item.coverage !== 'unmet' || !item.isScopeResolved) return;
      const { requirement } = entry;
      candidates.push({
        kind: 'requirement',
        requirementId: requirement.id,
        coverage: item.coverage,
        leaderId: entry.leaderId,
        competenceName: competenceName.get(competenceId) ?? competenceId,
        ...scopeLabels(requirement, procedures, unitNames),
        unitId: entry.unitId,
        minPeople: requirement.minPeople,
        minLevel: requirement.minLevel,
        qualifiedCount: item.qualified.length,
        shortBy: item.shortBy,
      });
    });
  }
  return candidates;
}

function scopeLabels(
  requirement: CompetenceRequirement,
  procedures: ReadonlyMap<string, Pick<Procedure, 'code' | 'title'>>,
  unitNames: ReadonlyMap<string, string>,
): { scopeLabel: string; scopeShortLabel: string } {
  const { scope } = requirement;
  const both = (label: string) => ({ scopeLabel: label, scopeShortLabel: label });
  switch (scope.kind) {
    case 'unit':
      return both(unitNames.get(scope.unitId) ?? scope.unitId);
    case 'procedure': {
      const procedure = procedures.get(scope.procedureId);
      if (!procedure) return both(scope.procedureId);
      return { scopeLabel: `${procedure.code} ${procedure.title}`, scopeShortLabel: procedure.code };
    }
    case 'area':
      return both(scope.area);
  }
}
