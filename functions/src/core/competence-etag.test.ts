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
});
