// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { approvalRequestCard, rejectCommentMaxLength } from './approval-request-card.js';
import { proposedVersionLabel } from './approval-card-parts.js';
import { cardBytes, expectValidCard, renderCard } from './test-support/validate-card.js';
import { allActions, allInputs, executeActions, visibleText } from './test-support/card-query.js';
import {
  buildApprovalRequestModel,
  hostileText,
  locales,
  draftUrl,
  longHostileTitle,
  openUrl,
} from './test-support/card-models.js';

const variants = {
  'major revision with metadata changes': buildApprovalRequestModel(),
  'minor revision without metadata changes': buildApprovalRequestModel({ kind: 'minor', metadataChanges: [] }),
  'first version': buildApprovalRequestModel({ fromVersionLabel: null }),
  'unknown field and empty values': buildApprovalRequestModel({
    metadataChanges: [{ field: 'customField', from: '', to: 'x' }],
  }),
  'hostile text': buildApprovalRequestModel({
    procedure: { id: 'p-1', code: 'K-1', title: hostileText },
    changeSummary: hostileText,
    requestedBy: { name: hostileText },
  }),
  'largest possible': buildApprovalRequestModel({
    procedure: { id: 'p-1', code: 'K-1', title: longHostileTitle },
    changeSummary: '\\*'.repeat(1000),
    requestedBy: { name: '\\'.repeat(200) },
    metadataChanges: Array.from({ length: 30 }, (_, index) => ({
      field: `field-${index}`,
      from: '\\'.repeat(500),
      to: '\\'.repeat(500),
    })),
  }),
};

describe('approvalRequestCard', () => {
  for (const locale of locales) {
    for (const [name, model] of Object.entries(variants)) {
      it(`is a valid Teams card (${locale}, ${name})`, () => {
        expectValidCard(approvalRequestCard(model, locale));
      });
    }
  }

  it('sends approve and reject with the approval id, and refreshes for the approver', () => {
    const card = approvalRequestCard(buildApprovalRequestModel(), 'da');
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(executeActions(card, 'approve').map((action) => action.data)).toEqual([{ approvalId: 'appr-1' }]);
    const [reject] = executeActions(card, 'reject');
    expect(reject).toMatchObject({ data: { approvalId: 'appr-1' }, associatedInputs: 'auto' });
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'refresh', data: { subject: 'approval', approvalId: 'appr-1' } },
      userIds: ['29:1a2b3c-lars-holm'],
    });
  });

  it('puts every Action.Execute in an ActionSet with an Action.Submit fallback carrying the same verb and data', () => {
    const card = approvalRequestCard(buildApprovalRequestModel(), 'da');
    expect(card['actions']).toBeUndefined();
    const sets: unknown[] = [];
    JSON.stringify(card, (_key, value: unknown) => {
      if ((value as { type?: string } | null)?.type === 'ActionSet') sets.push(value);
      return value;
    });
    const executes = executeActions(card).filter((action) => action.verb !== 'refresh');
    expect(executes.map((action) => action.verb)).toEqual(['approve', 'reject']);
    for (const action of executes) {
      expect(sets.some((set) => (set as { actions: unknown[] }).actions.includes(action))).toBe(true);
      expect(action['fallback']).toEqual({
        type: 'Action.Submit',
        title: action.title,
        data: { ...action.data, verb: action.verb },
        ...(action['style'] ? { style: action['style'] } : {}),
        ...(action['associatedInputs'] ? { associatedInputs: action['associatedInputs'] } : {}),
      });
    }
  });

  it('names nobody in refresh.userIds while the approver’s Teams user id (MRI) is unknown', () => {
    const card = approvalRequestCard(
      buildApprovalRequestModel({ approver: { name: 'Lars Holm', userId: null } }),
      'da',
    );
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'refresh', data: { subject: 'approval', approvalId: 'appr-1' } },
    });
    expectValidCard(card);
  });

  it('asks for a required rejection reason inside the reject card', () => {
    const card = approvalRequestCard(buildApprovalRequestModel(), 'nb');
    const showCard = allActions(card).find((action) => action.type === 'Action.ShowCard');
    expect(allInputs(showCard)).toEqual([
      expect.objectContaining({
        type: 'Input.Text',
        id: 'comment',
        isRequired: true,
        maxLength: rejectCommentMaxLength,
        label: 'Begrunnelse for avvisning',
        errorMessage: 'Skriv en begrunnelse før du avviser.',
      }),
    ]);
    expect(executeActions(showCard, 'reject')).toHaveLength(1);
  });

  it('links to the draft first, then to the procedure', () => {
    const card = approvalRequestCard(buildApprovalRequestModel(), 'en');
    // The buttons stand in one ActionSet (the Action.Execute fallback needs it); the draft comes first.
    const buttons = (card.body as { type: string; actions?: unknown[] }[]).find(
      (element) => element.type === 'ActionSet',
    );
    expect(buttons?.actions?.[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Open the draft',
      url: draftUrl,
    });
    expect(allActions(card).filter((action) => action.type === 'Action.OpenUrl')).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the draft', url: draftUrl },
      { type: 'Action.OpenUrl', title: 'Open procedure', url: openUrl },
    ]);
  });

  it.each([
    ['da', 'Åbn kladden'],
    ['nb', 'Åpne utkastet'],
    ['en', 'Open the draft'],
  ] as const)('names the draft link in %s', (locale, title) => {
    const card = approvalRequestCard(buildApprovalRequestModel(), locale);
    expect(visibleText(card)).toContain(title);
  });

  it.each([
    [
      'da',
      [
        'Godkend',
        'Afvis',
        'Anmodning om godkendelse',
        '1.2 → 2.0 (større ændring)',
        'Mette Kjær, 20-11-2026 kl. 09.15',
      ],
    ],
    [
      'nb',
      [
        'Godkjenn',
        'Avvis',
        'Forespørsel om godkjenning',
        '1.2 → 2.0 (større endring)',
        'Mette Kjær, 20.11.2026 kl. 09.15',
      ],
    ],
    ['en', ['Approve', 'Reject', 'Approval request', '1.2 → 2.0 (major change)', 'Mette Kjær, 20 Nov 2026, 09:15']],
  ] as const)('speaks %s', (locale, phrases) => {
    const text = visibleText(approvalRequestCard(buildApprovalRequestModel(), locale));
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it('names the changed metadata fields in the reader’s language', () => {
    expect(visibleText(approvalRequestCard(buildApprovalRequestModel(), 'da'))).toContain(
      'Interval for periodisk gennemgang',
    );
    expect(visibleText(approvalRequestCard(buildApprovalRequestModel(), 'nb'))).toContain('Lovgrunnlag');
  });

  it('shows the first version and the minor step', () => {
    expect(visibleText(approvalRequestCard(buildApprovalRequestModel({ fromVersionLabel: null }), 'da'))).toContain(
      'Første version: 1.0',
    );
    expect(
      visibleText(approvalRequestCard(buildApprovalRequestModel({ kind: 'minor', metadataChanges: [] }), 'en')),
    ).toContain('1.2 → 1.3 (minor change)');
  });

  it('lists at most ten metadata changes, then how many more', () => {
    const metadataChanges = Array.from({ length: 13 }, (_, index) => ({ field: `f${index}`, from: 'a', to: 'b' }));
    const text = visibleText(approvalRequestCard(buildApprovalRequestModel({ metadataChanges }), 'en'));
    expect(text).toContain('f9');
    expect(text).not.toContain('f10');
    expect(text).toContain('… and 3 more changes');
  });

  it('shows user text literally, not as markdown or HTML', () => {
    const element = renderCard(
      approvalRequestCard(
        buildApprovalRequestModel({
          procedure: { id: 'p', code: 'K-1', title: hostileText },
          changeSummary: hostileText,
        }),
        'da',
      ),
    );
    expect(element.textContent).toContain(`K-1 ${hostileText}`);
    expect(element.querySelector('script, strong, em, a, h1')).toBeNull();
  });

  it('stays small with the largest inputs', () => {
    expect(cardBytes(approvalRequestCard(variants['largest possible'], 'da'))).toBeLessThan(24 * 1024);
  });
});

describe('proposedVersionLabel', () => {
  it.each([
    [null, 'major', '1.0'],
    [null, 'minor', '1.0'],
    ['1.2', 'major', '2.0'],
    ['1.2', 'minor', '1.3'],
    ['9.9', 'minor', '9.10'],
    ['draft', 'major', null],
  ] as const)('%s + %s = %s', (from, kind, expected) => {
    expect(proposedVersionLabel(from, kind)).toBe(expected);
  });
});
