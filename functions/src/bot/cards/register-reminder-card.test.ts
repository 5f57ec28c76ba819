// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { registerReminderCard, type RegisterReminderModel } from './register-reminder-card.js';
import { expectValidCard } from './test-support/validate-card.js';
import { visibleText } from './test-support/card-query.js';
import { hostileText, locales } from './test-support/card-models.js';

const model = (overrides: Partial<RegisterReminderModel> = {}): RegisterReminderModel => ({
  stage: 'due-soon',
  receiptNumber: '2026-K7Q4M2',
  title: 'Ingen har svaret på min henvendelse',
  dueOn: '2026-12-10',
  handlerName: null,
  openUrl: 'https://kh.example.dk/register/items/r1',
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
});
