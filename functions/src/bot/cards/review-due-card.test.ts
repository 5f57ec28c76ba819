// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { reviewDueCard } from './review-due-card.js';
import { expectValidCard } from './test-support/validate-card.js';
import { allActions, executeActions, visibleText } from './test-support/card-query.js';
import { buildReviewDueModel, locales, longHostileTitle, openUrl } from './test-support/card-models.js';

const variants = {
  'due in 12 days': buildReviewDueModel(),
  'due tomorrow': buildReviewDueModel({ dueOn: '2026-11-23' }),
  'due today': buildReviewDueModel({ dueOn: '2026-11-22' }),
  'overdue by 5 days': buildReviewDueModel({ dueOn: '2026-11-17' }),
  'never reviewed, long title': buildReviewDueModel({
    lastReviewedOn: null,
    reviewIntervalMonths: 1,
    procedure: { id: 'p', code: 'K-1', title: longHostileTitle },
  }),
};

describe('reviewDueCard', () => {
  for (const locale of locales) {
    for (const [name, model] of Object.entries(variants)) {
      it(`is a valid Teams card (${locale}, ${name})`, () => {
        expectValidCard(reviewDueCard(model, locale));
      });
    }
  }

  it('offers "still valid" and "start revision" with the procedure id and etag, and the link', () => {
    const card = reviewDueCard(buildReviewDueModel(), 'da');
    expect(executeActions(card).map(({ verb, data, title }) => ({ verb, data, title }))).toEqual([
      { verb: 'confirmReview', data: { procedureId: 'p-k16', etag: 7 }, title: 'Fortsat gyldig' },
      { verb: 'startRevision', data: { procedureId: 'p-k16', etag: 7 }, title: 'Start revision' },
    ]);
    expect(allActions(card).at(-1)).toEqual({ type: 'Action.OpenUrl', title: 'Åbn procedure', url: openUrl });
  });

  it.each([
    ['da', {}, ['Gennemgangen forfalder om 12 dage (04-12-2026).', 'Sidst gennemgået', '12 måneder']],
    ['nb', {}, ['Gjennomgangen forfaller om 12 dager (04.12.2026).', 'Fortsatt gyldig', 'Start revisjon']],
    ['en', {}, ['The review is due in 12 days (4 Dec 2026).', 'Still valid', 'Start revision']],
    ['da', { dueOn: '2026-11-23' }, ['forfalder om 1 dag (23-11-2026)']],
    ['en', { dueOn: '2026-11-22' }, ['The review is due today (22 Nov 2026).']],
    ['da', { dueOn: '2026-11-17' }, ['Gennemgangen er 5 dage over fristen (forfaldt 17-11-2026).']],
    ['nb', { dueOn: '2026-11-21' }, ['Gjennomgangen er 1 dag på overtid (forfalt 21.11.2026).']],
    ['en', { lastReviewedOn: null, reviewIntervalMonths: 1 }, ['Not reviewed yet', '1 month']],
  ] as const)('%s with %o says %o', (locale, overrides, phrases) => {
    const text = visibleText(reviewDueCard(buildReviewDueModel(overrides), locale));
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it('refuses dates that are not calendar dates', () => {
    expect(() => reviewDueCard(buildReviewDueModel({ dueOn: '2026-02-30' }), 'da')).toThrow(RangeError);
  });
});
