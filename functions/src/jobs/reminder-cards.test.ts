// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { allActions, executeActions, visibleText } from '../bot/cards/test-support/card-query.js';
import { expectValidCard } from '../bot/cards/test-support/validate-card.js';
import { asLocalDate } from '../core/local-date.js';
import type { CardContext, ReminderItem } from './card-factory.js';
import { createReminderCards } from './reminder-cards.js';
import type {
  AcknowledgementCandidate,
  ApprovalCandidate,
  QualificationCandidate,
  RegisterReplyCandidate,
  RequirementCandidate,
  ReviewCandidate,
} from './reminder-source.js';

const today = asLocalDate('2026-03-16');
const cards = createReminderCards({ publicUrl: 'https://handbog.example.dk' });
const context = (locale: CardContext['recipient']['locale'] = 'da'): CardContext => ({
  recipient: { id: 'peter-lund', name: 'Peter Lund', locale },
  today,
});

const review: ReviewCandidate = {
  kind: 'review',
  procedureId: 'p-k16',
  code: 'K-16',
  title: 'Sagsbehandling af byggesager',
  ownerId: 'henrik-skov',
  ownerName: 'Henrik Skov',
  ownerLeaderId: 'sofie-dahl',
  nextReviewOn: asLocalDate('2026-02-20'),
  hasOpenRevision: false,
  etag: 7,
  lastReviewedOn: null,
  reviewIntervalMonths: 12,
};
const approval: ApprovalCandidate = {
  kind: 'approval',
  approvalId: 'a1',
  approverId: 'sofie-dahl',
  requestedOn: asLocalDate('2026-03-05'),
  procedureId: 'p-k16',
  code: 'K-16',
  title: 'Sagsbehandling af byggesager',
  versionId: 'v3',
  changeKind: 'major',
  fromVersionLabel: '2.0',
  changeSummary: 'Revideret efter periodisk gennemgang.',
  requestedBy: 'henrik-skov',
  requestedByName: 'Henrik Skov',
  requestedAt: '2026-03-05T12:00:00.000Z',
  approverName: 'Sofie Dahl',
  approverUserId: '29:1sofie',
};
const acknowledgement: AcknowledgementCandidate = {
  kind: 'acknowledgement',
  versionId: 'v2',
  personId: 'rasmus-toft',
  requestedOn: asLocalDate('2026-03-01'),
  procedureId: 'p-k16',
  code: 'K-16',
  title: 'Sagsbehandling af byggesager',
  versionLabel: '2.0',
  changeSummary: 'Ny tjekliste.',
  publishedAt: '2026-03-01T13:00:00.000Z',
  requestedAt: '2026-03-01T13:00:00.000Z',
};

const item = (
  stage: ReminderItem['stage'],
  candidate: ReminderItem['candidate'],
  dueOn = '2026-02-20',
): ReminderItem => ({
  key: `k:${stage}`,
  stage,
  dueOn: asLocalDate(dueOn),
  candidate,
});

describe('createReminderCards', () => {
  it.each(['da', 'nb', 'en'] as const)('builds valid single cards for every stage (%s)', (locale) => {
    const stages: ReminderItem[] = [
      item('review-due-30', { ...review, nextReviewOn: asLocalDate('2026-04-10') }, '2026-04-10'),
      item('review-due-0', review, '2026-03-16'),
      item('review-overdue', review),
      item('review-escalation', review),
      item('approval-waiting', approval, '2026-03-13'),
      item('acknowledgement-outstanding', acknowledgement, '2026-03-08'),
    ];
    for (const reminder of stages) expectValidCard(cards.single(reminder, context(locale)));
  });

  it('gives the owner the review actions, the approver the decision, the reader the acknowledgement', () => {
    const reviewCard = cards.single(item('review-overdue', review), context());
    expect(executeActions(reviewCard, 'confirmReview')[0]?.data).toMatchObject({ procedureId: 'p-k16', etag: 7 });
    const escalation = cards.single(item('review-escalation', review), context());
    expect(visibleText(escalation)).toContain('Henrik Skov');
    expect(executeActions(escalation)).toEqual([]);
    const approvalCard = cards.single(item('approval-waiting', approval), context());
    expect(executeActions(approvalCard, 'approve')[0]?.data).toMatchObject({ approvalId: 'a1' });
    const acknowledgementCard = cards.single(item('acknowledgement-outstanding', acknowledgement), context());
    expect(executeActions(acknowledgementCard, 'acknowledge')[0]?.data).toMatchObject({ versionId: 'v2' });
  });

  it('lists several reminders in one valid digest', () => {
    const items = [
      item('review-escalation', review),
      item('review-overdue', review),
      item('approval-waiting', approval),
      item('acknowledgement-outstanding', acknowledgement),
    ];
    const digest = cards.digest(items, context());
    expectValidCard(digest);
    expect(visibleText(digest)).toContain('K-16');
    const many = cards.digest(
      Array.from({ length: 300 }, () => item('review-overdue', review)),
      context('en'),
    );
    expectValidCard(many);
  });
});

describe('createReminderCards: competences', () => {
  const qualification: QualificationCandidate = {
    kind: 'qualification',
    personId: 'peter-lund',
    competenceId: 'intern-auditor',
    validUntil: asLocalDate('2026-04-05'),
    leaderId: 'anne-birk',
    personName: 'Peter Lund',
    competenceName: 'Intern auditor (ISO 9001)',
    level: 2,
  };
  const requirement: RequirementCandidate = {
    kind: 'requirement',
    requirementId: 'req-k-18',
    coverage: 'unmet',
    leaderId: 'anne-birk',
    competenceName: 'Natura 2000 og habitatvurdering',
    scopeLabel: 'K-18 Natura 2000-forhåndsanmeldelser',
    scopeShortLabel: 'K-18',
    unitId: 'natur',
    minPeople: 2,
    minLevel: 3,
    qualifiedCount: 0,
    shortBy: 2,
  };
  const leaderContext = (locale: CardContext['recipient']['locale'] = 'da'): CardContext => ({
    recipient: { id: 'anne-birk', name: 'Anne Birk', locale },
    today,
  });
  const matrixLink = { type: 'Action.OpenUrl', url: 'https://handbog.example.dk/competences' };

  it.each(['da', 'nb', 'en'] as const)('builds valid cards linking to the competence matrix (%s)', (locale) => {
    const cardsToCheck = [
      cards.single(item('qualification-expiring-30', qualification, '2026-04-05'), context(locale)),
      cards.single(item('qualification-expiring-30-leader', qualification, '2026-04-05'), leaderContext(locale)),
      cards.single(item('requirement-unmet', requirement, '2026-03-01'), leaderContext(locale)),
      cards.digest(
        [
          item('qualification-expiring-30-leader', qualification, '2026-04-05'),
          item('requirement-unmet', requirement, '2026-03-01'),
          item('review-escalation', review),
        ],
        leaderContext(locale),
      ),
    ];
    for (const card of cardsToCheck) {
      expectValidCard(card);
      expect(JSON.stringify(card)).toContain(matrixLink.url);
    }
  });

  it('speaks to the holder, and about the holder to the leader', () => {
    const toHolder = visibleText(cards.single(item('qualification-expiring-30', qualification), context()));
    expect(toHolder).toContain('Udløber om 20 dage');
    expect(toHolder).toContain('bed din leder');
    const toLeader = visibleText(
      cards.single(item('qualification-expiring-30-leader', qualification), leaderContext()),
    );
    expect(toLeader).toContain('Aftal fornyelsen med Peter Lund');
  });

  it('tells what an unmet requirement is short of', () => {
    const text = visibleText(cards.single(item('requirement-unmet', requirement), leaderContext('en')));
    expect(text).toContain('Short by: 2 people at level 3 (Experienced) or above');
    expect(text).toContain('K-18 Natura 2000-forhåndsanmeldelser');
  });
});

describe('createReminderCards: the register', () => {
  const reply: RegisterReplyCandidate = {
    kind: 'register-reply',
    itemId: 'r-7',
    dueOn: asLocalDate('2026-03-13'),
    remindOn: asLocalDate('2026-03-11'),
    escalateOn: asLocalDate('2026-03-18'),
    recipientIds: ['anne-birk'],
    leaderId: 'lars-holm',
    receiptNumber: '2026-K7Q4M2',
    title: 'Ingen har svaret på min klage',
    registerKind: 'complaint',
    handlerName: 'Anne Birk',
  };

  it.each([
    ['da', 'Åbn henvendelsen', 'Eskaleret'],
    ['nb', 'Åpne henvendelsen', 'Eskalert'],
    ['en', 'Open the message', 'Escalated'],
  ] as const)(
    'builds the card in the recipient’s language (%s), opening the item in the tab',
    (locale, open, escalated) => {
      for (const stage of ['register-due-soon', 'register-overdue', 'register-escalation'] as const) {
        const card = cards.single(item(stage, reply, '2026-03-13'), context(locale));
        expectValidCard(card);
        expect(allActions(card)).toEqual([
          expect.objectContaining({ title: open, url: 'https://handbog.example.dk/reports/r-7' }),
        ]);
      }
      const escalation = cards.single(item('register-escalation', reply, '2026-03-13'), context(locale));
      expect(visibleText(escalation)).toContain(escalated);
      expect(visibleText(escalation)).toContain('Anne Birk');
    },
  );

  it('lists register items in a valid digest beside other reminders', () => {
    const digest = cards.digest(
      [item('register-overdue', reply, '2026-03-13'), item('review-overdue', review)],
      context('nb'),
    );
    expectValidCard(digest);
    expect(visibleText(digest)).toContain('2026-K7Q4M2');
    expect(visibleText(digest)).toContain('Henvendelse');
  });
});
