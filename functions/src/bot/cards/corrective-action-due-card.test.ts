// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { digestCard } from './digest-card.js';
import { correctiveActionDueCard, type CorrectiveActionDueModel } from './corrective-action-due-card.js';
import { correctiveActionAssignedCard, type CorrectiveActionAssignedModel } from './corrective-action-assigned-card.js';
import { expectValidCard, renderCard } from './test-support/validate-card.js';
import { allActions, allInputs, executeActions, visibleText } from './test-support/card-query.js';
import {
  correctiveActionImplementedCard,
  type CorrectiveActionImplementedModel,
} from './corrective-action-implemented-card.js';
import { hostileText, locales, longHostileTitle } from './test-support/card-models.js';

const url = 'https://handbog.example.dk/actions/ca-1';

function model(overrides: Partial<CorrectiveActionDueModel> = {}): CorrectiveActionDueModel {
  return {
    title: 'Mindre afvigelse: 7.5.3 Styring af dokumenteret information',
    dueOn: '2026-11-29',
    today: '2026-11-22',
    owner: { name: 'Peter Lund' },
    isForLeader: false,
    openUrl: url,
    ...overrides,
  };
}

const variants: Record<string, CorrectiveActionDueModel> = {
  'due in 7 days': model(),
  'due today': model({ dueOn: '2026-11-22' }),
  overdue: model({ dueOn: '2026-11-14' }),
  'escalation to the leader': model({ dueOn: '2026-11-01', isForLeader: true }),
  'hostile names': model({ title: longHostileTitle, owner: { name: hostileText }, isForLeader: true }),
  'the owner’s card with "Markér gennemført"': model({ actionId: 'ca-1' }),
};

function assigned(overrides: Partial<CorrectiveActionAssignedModel> = {}): CorrectiveActionAssignedModel {
  return {
    title: 'Mindre afvigelse: 7.5.3 Styring af dokumenteret information',
    dueOn: '2026-12-15',
    plan: 'Gennemgå skabelonerne og opdatér vejledningen.',
    assignedBy: { name: 'Kvalitetskoordinator Anne' },
    openUrl: url,
    ...overrides,
  };
}

describe('correctiveActionDueCard', () => {
  for (const locale of locales) {
    for (const [name, variant] of Object.entries(variants)) {
      it(`is a valid Teams card (${locale}, ${name})`, () => {
        expectValidCard(correctiveActionDueCard(variant, locale));
      });
    }
    it(`is a valid digest line (${locale})`, () => {
      const items = Object.values(variants).map((variant) => ({ kind: 'corrective-action' as const, ...variant }));
      expectValidCard(digestCard(items, locale, { handbookUrl: 'https://handbog.example.dk' }));
    });
  }

  it('has only the link to the action', () => {
    const card = correctiveActionDueCard(model(), 'da');
    expect(allActions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Åbn handling', url }]);
    expect(executeActions(card)).toEqual([]);
  });

  it.each([
    ['da', model(), ['Korrigerende handling: frist nærmer sig', 'Frist om 7 dage (29-11-2026)', 'Peter Lund']],
    ['da', variants['due today']!, ['Frist i dag (22-11-2026)']],
    ['nb', variants['overdue']!, ['Korrigerende tiltak: fristen er overskredet', 'Forfalt med 8 dager']],
    [
      'en',
      variants['escalation to the leader']!,
      ['Escalation: corrective action overdue', 'Overdue by 21 days', 'Peter Lund owns the action'],
    ],
  ] as const)('says what, when and who (%s)', (locale, variant, expected) => {
    const text = visibleText(correctiveActionDueCard(variant, locale));
    for (const fragment of expected) expect(text).toContain(fragment);
  });

  it('the digest line names the kind and, for the leader, the owner', () => {
    const text = visibleText(
      digestCard([{ kind: 'corrective-action', ...variants['escalation to the leader']! }], 'da', {
        handbookUrl: 'https://handbog.example.dk',
      }),
    );
    expect(text).toContain('Korrigerende handling');
    expect(text).toContain('Overskredet med 21 dage');
    expect(text).toContain('Peter Lund');
  });

  it('shows what people typed as text, never as markup', () => {
    const card = correctiveActionDueCard(model({ title: hostileText, owner: { name: hostileText } }), 'da');
    const element = renderCard(card);
    expect(element.textContent).toContain(hostileText);
    expect(element.querySelector('script, strong, em, a, h1')).toBeNull();
  });
});

describe('"Markér gennemført" on the owner’s reminder (issue 15)', () => {
  it('asks what was done (required) and for evidence (optional text and link), and sends the action id', () => {
    const card = correctiveActionDueCard(model({ actionId: 'ca-1' }), 'da');
    const [send] = executeActions(card, 'markActionImplemented');
    expect(send).toMatchObject({ data: { actionId: 'ca-1' }, associatedInputs: 'auto' });
    const inputs = allInputs(card);
    expect(inputs.map((input) => [input['id'], input['isRequired']])).toEqual([
      ['description', true],
      ['evidenceText', false],
      ['evidenceUrl', false],
    ]);
    expect(inputs.find((input) => input['id'] === 'evidenceUrl')).toMatchObject({ style: 'url', maxLength: 2000 });
    // (adaptiveCard() gives each Action.Execute its Action.Submit fallback for older clients.)
    expect(new Set(allActions(card).map((action) => action.title))).toEqual(
      new Set(['Markér gennemført', 'Markér som gennemført', 'Åbn handling']),
    );
  });

  it('is not on the leader’s escalation', () => {
    const card = correctiveActionDueCard(model({ actionId: 'ca-1', isForLeader: true }), 'da');
    expect(executeActions(card)).toEqual([]);
    expect(allInputs(card)).toEqual([]);
  });
});

describe('correctiveActionImplementedCard', () => {
  const implemented = (
    overrides: Partial<CorrectiveActionImplementedModel> = {},
  ): CorrectiveActionImplementedModel => ({
    title: 'Tre byggesager uden journalnotat (ISO 9001 pkt. 7.5.3)',
    by: { name: 'Peter Lund' },
    at: '2026-11-22T10:15:00.000Z',
    description: 'Journalnotater skrevet; skabelonen har fået et fast felt.',
    checkDueOn: '2026-12-22',
    openUrl: url,
    ...overrides,
  });
  for (const locale of locales) {
    it(`is a valid Teams card (${locale})`, () => {
      expectValidCard(correctiveActionImplementedCard(implemented(), locale));
      expectValidCard(
        correctiveActionImplementedCard(
          implemented({
            title: longHostileTitle,
            description: hostileText,
            by: { name: hostileText },
            checkDueOn: null,
          }),
          locale,
        ),
      );
    });
  }

  it('says who marked it, what was done and when the check is due', () => {
    const text = visibleText(correctiveActionImplementedCard(implemented(), 'da'));
    expect(text).toContain('Markeret gennemført af Peter Lund');
    expect(text).toContain('Journalnotater skrevet');
    expect(text).toContain('fra 22-12-2026');
  });
});

describe('correctiveActionAssignedCard', () => {
  for (const locale of locales) {
    it(`is a valid Teams card (${locale})`, () => {
      expectValidCard(correctiveActionAssignedCard(assigned(), locale));
      expectValidCard(correctiveActionAssignedCard(assigned({ dueOn: null, plan: null }), locale));
      expectValidCard(correctiveActionAssignedCard(assigned({ title: longHostileTitle, plan: hostileText }), locale));
    });
  }

  it.each([
    [
      'da',
      [
        'Du er ansvarlig for en korrigerende handling',
        'Kvalitetskoordinator Anne har gjort dig ansvarlig',
        '15-12-2026',
      ],
    ],
    ['nb', ['Du er ansvarlig for et korrigerende tiltak', 'Åpne tiltak']],
    ['en', ['You own a corrective action', 'Gennemgå skabelonerne']],
  ] as const)('says what, by when and who asked (%s)', (locale, expected) => {
    const card = correctiveActionAssignedCard(assigned(), locale);
    const text = JSON.stringify(card);
    for (const fragment of expected) expect(visibleText(card) + text).toContain(fragment);
  });

  it('without a due date says so, and links to the action', () => {
    const card = correctiveActionAssignedCard(assigned({ dueOn: null }), 'da');
    expect(visibleText(card)).toContain('Ingen frist');
    expect(allActions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Åbn handling', url }]);
  });
});
