import { describe, expect, it } from 'vitest';
import { expiringQualifications, findCompetenceGaps } from '../core/competence-gaps.js';
import { asLocalDate, type LocalDate } from '../core/local-date.js';
import { demoCompetenceData } from './demo-competences.js';
import { demoPeople, demoUnits } from './demo-directory.js';

describe.each(['2026-11-22', '2027-02-28', '2028-02-29', '2026-12-31'])('demo competence data seen on %s', (day) => {
  const today: LocalDate = asLocalDate(day);
  const data = demoCompetenceData(today);
  const gaps = findCompetenceGaps({ ...data, people: demoPeople, units: demoUnits, today });
  const byId = new Map(gaps.map((gap) => [gap.requirement.id, gap]));

  it('refers only to known people, competences and requirements, and resolves every scope', () => {
    const personIds = new Set(demoPeople.map((person) => person.id));
    const competenceIds = new Set(data.competences.map((competence) => competence.id));
    expect(data.competences.length).toBeGreaterThanOrEqual(25);
    expect(data.personCompetences.every((record) => personIds.has(record.personId))).toBe(true);
    expect(data.personCompetences.every((record) => competenceIds.has(record.competenceId))).toBe(true);
    expect(data.requirements.every((requirement) => competenceIds.has(requirement.competenceId))).toBe(true);
    expect(new Set(data.personCompetences.map((record) => record.personId)).size).toBe(demoPeople.length);
    expect(gaps.every((gap) => gap.isScopeResolved)).toBe(true);
    expect(data.externalCoverage.every((decision) => byId.has(decision.requirementId))).toBe(true);
  });

  it('shows every kind of gap', () => {
    const coverage = gaps.map((gap) => gap.coverage);
    expect(coverage).toContain('met');
    expect(coverage).toContain('external');
    expect(coverage).toContain('unmet');
    expect(gaps.filter((gap) => gap.isSinglePersonDependency).map((gap) => gap.requirement.id)).toEqual([
      'req-k-17-beskyttelseslinjer',
    ]);
    expect(gaps.some((gap) => gap.coverage === 'met' && gap.unconfirmedPersonIds.length > 0)).toBe(true);
    expect(byId.get('req-k-07-husdyrbrug')).toMatchObject({ coverage: 'external', shortBy: 2 });
    expect(byId.get('req-k-18-natura-2000')).toMatchObject({ coverage: 'unmet', shortBy: 2 });
    expect(byId.get('req-teknik-miljo-intern-auditor')).toMatchObject({ coverage: 'unmet', shortBy: 1 });
    expect(byId.get('req-k-16-naturbeskyttelse-3')).toMatchObject({
      coverage: 'met',
      unconfirmedPersonIds: ['karen-holt'],
    });
  });

  it('gives many procedures requirements of their own, met, unmet and bought in, for their pages to show', () => {
    const own = gaps.filter((gap) => gap.requirement.scope.kind === 'procedure');
    const count = (coverage: string) => own.filter((gap) => gap.coverage === coverage).length;
    expect(own.length).toBeGreaterThanOrEqual(10);
    expect(count('met')).toBeGreaterThanOrEqual(3);
    expect(count('unmet')).toBeGreaterThanOrEqual(1);
    expect(count('external')).toBeGreaterThanOrEqual(1);
  });

  it('has two qualifications expiring within 90 days and one expired', () => {
    const items = expiringQualifications(data.personCompetences, today);
    const label = (item: (typeof items)[number]) =>
      `${item.personCompetence.personId}/${item.personCompetence.competenceId}`;
    expect(items.filter((item) => !item.isExpired).map(label)).toEqual([
      'mette-kjaer/intern-auditor',
      'peter-lund/intern-auditor',
    ]);
    expect(items.filter((item) => item.isExpired).map(label)).toEqual(['henrik-skov/intern-auditor']);
  });
});
