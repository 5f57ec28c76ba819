// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { approvalStatusCard } from './approval-status-card.js';
import { expectValidCard, renderCard } from './test-support/validate-card.js';
import { allActions, visibleText } from './test-support/card-query.js';
import {
  approvalStatuses,
  buildApprovalStatusModel,
  hostileText,
  locales,
  longHostileTitle,
  openUrl,
} from './test-support/card-models.js';

const approved = { state: 'approved', decidedBy: { name: 'Lars Holm' }, decidedAt: '2026-11-22T13:03:00Z' } as const;
const rejected = {
  state: 'rejected',
  decidedBy: { name: 'Lars Holm' },
  decidedAt: '2026-11-22T13:03:00Z',
  comment: 'Afsnit 3 mangler klagevejledning.',
} as const;

describe('approvalStatusCard', () => {
  for (const locale of locales) {
    for (const status of approvalStatuses) {
      it(`is a valid Teams card (${locale}, ${status.state})`, () => {
        expectValidCard(approvalStatusCard(buildApprovalStatusModel(status), locale));
      });
    }
    it(`is a valid Teams card with hostile and long text (${locale})`, () => {
      const model = buildApprovalStatusModel(
        { ...rejected, comment: '\\'.repeat(2000), decidedBy: { name: hostileText } },
        { procedure: { id: 'p', code: 'K-1', title: longHostileTitle }, changeSummary: '\\'.repeat(2000) },
      );
      expectValidCard(approvalStatusCard(model, locale));
    });
  }

  it('has no buttons and no refresh, only the link to the procedure', () => {
    for (const status of approvalStatuses) {
      const card = approvalStatusCard(buildApprovalStatusModel(status), 'da');
      expect(card.refresh).toBeUndefined();
      expect(allActions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Åbn procedure', url: openUrl }]);
    }
  });

  it.each([
    ['da', { state: 'pending' }, 'Afventer godkendelse fra Lars Holm'],
    ['nb', { state: 'pending' }, 'Venter på godkjenning fra Lars Holm'],
    ['en', { state: 'pending' }, 'Awaiting approval from Lars Holm'],
    ['da', approved, 'Godkendt af Lars Holm 22-11-2026 kl. 14.03'],
    ['nb', approved, 'Godkjent av Lars Holm 22.11.2026 kl. 14.03'],
    ['en', approved, 'Approved by Lars Holm on 22 Nov 2026, 14:03'],
    ['da', rejected, 'Afvist af Lars Holm 22-11-2026 kl. 14.03'],
    ['nb', rejected, 'Avvist av Lars Holm 22.11.2026 kl. 14.03'],
    ['en', rejected, 'Rejected by Lars Holm on 22 Nov 2026, 14:03'],
    ['da', { state: 'superseded' }, 'En nyere kladde er indsendt'],
    ['nb', { state: 'superseded' }, 'Et nyere utkast er sendt inn'],
    ['en', { state: 'superseded' }, 'A newer draft has been submitted'],
  ] as const)('%s: %o says "%s"', (locale, status, phrase) => {
    expect(visibleText(approvalStatusCard(buildApprovalStatusModel(status), locale))).toContain(phrase);
  });

  it('shows the rejection reason and an approval comment', () => {
    expect(visibleText(approvalStatusCard(buildApprovalStatusModel(rejected), 'da'))).toContain(
      'Begrundelse: Afsnit 3 mangler klagevejledning.',
    );
    expect(
      visibleText(approvalStatusCard(buildApprovalStatusModel({ ...approved, comment: 'Fint arbejde.' }), 'en')),
    ).toContain('Comment: Fint arbejde.');
  });

  it('says who withdrew the request, when known', () => {
    const withdrawn = { state: 'withdrawn', decidedAt: '2026-11-21T09:00:00Z' } as const;
    expect(
      visibleText(
        approvalStatusCard(buildApprovalStatusModel({ ...withdrawn, decidedBy: { name: 'Mette Kjær' } }), 'da'),
      ),
    ).toContain('Trukket tilbage af Mette Kjær 21-11-2026 kl. 10.00');
    expect(
      visibleText(approvalStatusCard(buildApprovalStatusModel({ ...withdrawn, decidedBy: null }), 'nb')),
    ).toContain('Trukket tilbake 21.11.2026 kl. 10.00');
  });

  it('shows the rejection reason literally', () => {
    const element = renderCard(
      approvalStatusCard(buildApprovalStatusModel({ ...rejected, comment: hostileText }), 'en'),
    );
    expect(element.textContent).toContain(`Reason: ${hostileText}`);
    expect(element.querySelector('script, strong, em, a, h1')).toBeNull();
  });
});
