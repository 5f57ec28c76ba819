// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { digestCard } from './digest-card.js';
import { yearWheelDueCard, type YearWheelDueModel } from './year-wheel-due-card.js';
import { expectValidCard, renderCard } from './test-support/validate-card.js';
import { allActions, executeActions, visibleText } from './test-support/card-query.js';
import { hostileText, locales, longHostileTitle } from './test-support/card-models.js';

const url = 'https://handbog.example.dk/year-wheel?year=2026';

function model(overrides: Partial<YearWheelDueModel> = {}): YearWheelDueModel {
  return {
    occurrenceKind: 'internal-audit',
    title: 'Intern audit: Dokumentstyring',
    certificationBody: null,
    dueOn: '2026-11-29',
    today: '2026-11-22',
    owner: { name: 'Peter Lund' },
    isForLeader: false,
    openUrl: url,
    ...overrides,
  };
}

const variants: Record<string, YearWheelDueModel> = {
  'internal audit in 7 days': model(),
  'management evaluation today': model({
    occurrenceKind: 'management-evaluation',
    title: 'Ledelsens evaluering 2026',
    dueOn: '2026-11-22',
  }),
  'surveillance audit in 30 days': model({
    occurrenceKind: 'surveillance-audit',
    title: 'Overvågningsaudit 1 (DS Certificering)',
    certificationBody: 'DS Certificering',
    dueOn: '2026-12-22',
  }),
  'overdue survey': model({ occurrenceKind: 'satisfaction-survey', dueOn: '2026-11-14' }),
  'escalation to the leader': model({ occurrenceKind: 'other', dueOn: '2026-11-01', isForLeader: true }),
  'hostile names': model({ title: longHostileTitle, owner: { name: hostileText }, isForLeader: true }),
};

describe('yearWheelDueCard', () => {
  for (const locale of locales) {
    for (const [name, variant] of Object.entries(variants)) {
      it(`is a valid Teams card (${locale}, ${name})`, () => {
        expectValidCard(yearWheelDueCard(variant, locale));
      });
    }
    it(`is a valid digest line (${locale})`, () => {
      const items = Object.values(variants).map((variant) => ({ kind: 'occurrence' as const, ...variant }));
      expectValidCard(digestCard(items, locale, { handbookUrl: 'https://handbog.example.dk' }));
    });
  }

  it('has only the link to the årshjul', () => {
    const card = yearWheelDueCard(model(), 'da');
    expect(allActions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Åbn årshjul', url }]);
    expect(executeActions(card)).toEqual([]);
  });

  it.each([
    ['da', model(), ['Årshjul: aktivitet nærmer sig', 'Intern audit', 'Om 7 dage (29-11-2026)', 'Peter Lund']],
    [
      'da',
      variants['surveillance audit in 30 days']!,
      ['Overvågningsbesøg (DS Certificering)', 'Om 30 dage (22-12-2026)'],
    ],
    ['nb', variants['management evaluation today']!, ['Ledelsens gjennomgåelse', 'I dag (22.11.2026)']],
    [
      'en',
      variants['escalation to the leader']!,
      ['Escalation: year-wheel activity overdue', 'Overdue by 21 days', 'Peter Lund owns the activity'],
    ],
  ] as const)('says what, when and who (%s)', (locale, variant, expected) => {
    const text = visibleText(yearWheelDueCard(variant, locale));
    for (const fragment of expected) expect(text).toContain(fragment);
  });

  it('shows what people typed as text, never as markup', () => {
    const card = yearWheelDueCard(model({ title: hostileText, owner: { name: hostileText }, isForLeader: true }), 'da');
    const element = renderCard(card);
    expect(element.textContent).toContain(hostileText);
    expect(element.querySelector('script, strong, em, a, h1')).toBeNull();
  });
});
