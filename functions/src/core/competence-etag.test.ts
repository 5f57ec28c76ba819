import { describe, expect, it } from 'vitest';
import type { PersonCompetence } from './competence-types.js';
import { personCompetenceEtag } from './competence-etag.js';

const record: PersonCompetence = {
  personId: 'p',
  competenceId: 'c',
  level: 2,
  evidence: null,
  validUntil: null,
  assessment: 'self',
  confirmedBy: null,
};

describe('personCompetenceEtag', () => {
  it('is 0 for no record, positive and stable for a record, and changes with the content', () => {
    expect(personCompetenceEtag(undefined)).toBe(0);
    const etag = personCompetenceEtag(record);
    expect(etag).toBeGreaterThan(0);
    expect(personCompetenceEtag({ ...record })).toBe(etag);
    expect(personCompetenceEtag({ ...record, level: 3 })).not.toBe(etag);
    expect(personCompetenceEtag({ ...record, assessment: 'confirmed', confirmedBy: 'l' })).not.toBe(etag);
  });

  it('hashes a frozen record the same as its unfrozen copy, and an unfrozen record anew after a change', () => {
    const evidence = { kind: 'course' as const, title: 'Kursus', date: null };
    const frozen = Object.freeze({ ...record, evidence: Object.freeze({ ...evidence }) });
    expect(personCompetenceEtag(frozen)).toBe(personCompetenceEtag({ ...record, evidence }));
    expect(personCompetenceEtag(frozen)).toBe(personCompetenceEtag(frozen));
    const open = { ...record, evidence: { ...evidence } };
    const before = personCompetenceEtag(open);
    open.evidence.title = 'Et andet kursus';
    expect(personCompetenceEtag(open)).not.toBe(before);
    // Frozen on the outside only: the evidence may still change, so nothing is kept.
    const shallow = Object.freeze({ ...record, evidence: { ...evidence } });
    const first = personCompetenceEtag(shallow);
    shallow.evidence.title = 'Et andet kursus';
    expect(personCompetenceEtag(shallow)).not.toBe(first);
  });
});
