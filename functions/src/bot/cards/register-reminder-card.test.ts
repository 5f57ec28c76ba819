// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { digestCard } from './digest-card.js';
import {
  registerReminderCard,
  registerReminderDigestWords,
  type RegisterReminderModel,
} from './register-reminder-card.js';
import { expectValidCard } from './test-support/validate-card.js';
import { allActions, visibleText } from './test-support/card-query.js';
import { hostileText, locales } from './test-support/card-models.js';

const model = (overrides: Partial<RegisterReminderModel> = {}): RegisterReminderModel => ({
  stage: 'due-soon',
  receiptNumber: '2026-K7Q4M2',
  title: 'Ingen har svaret på min henvendelse',
  dueOn: '2026-12-10',
  handlerName: null,
  openUrl: 'https://kh.example.dk/reports/r1',
  ...overrides,
});

describe('registerReminderCard', () => {
  for (const locale of locales) {
    for (const stage of ['due-soon', 'overdue', 'escalate'] as const) {
      it(`is a valid Teams card (${locale}, ${stage})`, () => {
        expectValidCard(registerReminderCard(model({ stage, handlerName: 'Anne Birk' }), locale));
      });
    }
  }
  it('names the handler on an escalation and escapes hostile text', () => {
    const card = registerReminderCard(model({ stage: 'escalate', handlerName: hostileText, title: hostileText }), 'da');
    expectValidCard(card);
    expect(visibleText(card)).toContain('2026-K7Q4M2');
    expect(visibleText(card)).toContain('Eskaleret');
  });

  it.each([
    ['da', 'Åbn henvendelsen', 'En henvendelse skal snart besvares'],
    ['nb', 'Åpne henvendelsen', 'En henvendelse skal snart besvares'],
    ['en', 'Open the message', 'A message must be answered soon'],
  ] as const)('speaks %s and opens the item in the tab', (locale, open, kicker) => {
    const card = registerReminderCard(model(), locale);
    expect(visibleText(card)).toContain(kicker);
    const actions = allActions(card);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ type: 'Action.OpenUrl', title: open, url: 'https://kh.example.dk/reports/r1' });
  });

  for (const locale of locales) {
    it(`has a digest line in ${locale}, valid in a digest card`, () => {
      const escalated = registerReminderDigestWords(
        { stage: 'escalate', dueOn: '2026-12-10', handlerName: 'Anne Birk' },
        locale,
      );
      expect(escalated.line).toContain('Anne Birk');
      const card = digestCard(
        [
          { kind: 'register-reply', ...model() },
          {
            kind: 'register-reply',
            ...model({ stage: 'escalate', handlerName: 'Anne Birk', receiptNumber: '2026-BBBBBB' }),
          },
        ],
        locale,
        { handbookUrl: 'https://kh.example.dk' },
      );
      expectValidCard(card);
      expect(visibleText(card)).toContain('2026-K7Q4M2');
      expect(visibleText(card)).toContain('2026-BBBBBB');
    });
  }
});
