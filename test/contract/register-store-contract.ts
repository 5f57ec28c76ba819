import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDeadlineWrites, type DeadlineEntry } from '../../functions/src/app/deadline-index.js';
import type { RegisterStore } from '../../functions/src/app/register-ports.js';
import { blankAction } from '../../functions/src/core/corrective-action.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import type { CorrectiveAction } from '../../functions/src/core/quality-year-types.js';
import { defaultRegisterSettings } from '../../functions/src/core/register-rules.js';
import type { StatisticsRow } from '../../functions/src/core/register-statistics.js';
import type { RegisterItem, RegisterSettings } from '../../functions/src/core/register-types.js';
import type { TrailWithoutSeq } from './contract-sites.js';

/**
 * The RegisterStore port's behaviour, as every adapter must show it: a fresh, empty store per
 * test. `correctiveActions()` reads the quality year's actions and `registerDeadlines()` the
 * deadline index (the port writes them, it has no reader for them).
 */
export type RegisterStoreUnderTest = {
  store: RegisterStore;
  trail(): Promise<TrailWithoutSeq[]>;
  correctiveActions(): Promise<CorrectiveAction[]>;
  /** The deadline index's `register-reply` entries (app/deadline-index.ts), in any order. */
  registerDeadlines(): Promise<DeadlineEntry[]>;
  close(): Promise<void>;
};

const d = (value: string) => value as LocalDate;
const at = (day: number, hour = 8) =>
  `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:30:00.000Z`;
const hash = (digit: string) => digit.repeat(64);

/** A public complaint with every field filled. */
export function buildItem(overrides: Partial<RegisterItem> = {}): RegisterItem {
  return {
    id: 'r1',
    receiptNumber: '2026-AAAAAA',
    kind: 'complaint',
    channel: 'public',
    status: 'in-handling',
    title: 'Ingen svar på min ansøgning – æøå',
    description: 'Jeg har ventet i seks uger.\nIngen har svaret.',
    caseAreaId: 'byg',
    caseNumber: 'BYG-2026-0042',
    procedureIds: ['p-1', 'p-2'],
    auditId: 'audit-1',
    sourceMessage: { text: 'Se tråden', url: 'https://teams.microsoft.com/l/message/1' },
    unitIds: ['natur', 'byg'],
    scope: 'several-units',
    severity: 4,
    likelihood: 2,
    categoryId: 'cat-sagsbehandlingstid',
    correction: 'Ansøgningen er fundet og fordelt.',
    rootCauseCategoryId: 'rc-fordeling',
    rootCause: 'Postkassen blev ikke fordelt i ferien.',
    handlerUnitId: 'natur',
    handlerId: 'anne',
    reportedBy: null,
    reportedAt: at(2),
    receivedOn: d('2026-03-02'),
    locale: 'da',
    contact: { name: 'Bodil Ærø', email: 'Bodil@Example.dk', phone: '+45 11 22 33 44' },
    contactRemovedOn: null,
    statusTokenHash: hash('a'),
    replyDueOn: d('2026-03-16'),
    interimReplies: [
      {
        text: 'Vi undersøger sagen.',
        waitingFor: 'Svar fra Byg',
        expectedOn: d('2026-03-30'),
        sentAt: at(3),
        sentBy: 'anne',
        deliveredBy: 'email',
      },
    ],
    reply: null,
    correctiveActionIds: ['ca-1'],
    closedOn: null,
    deletionRequest: null,
    trail: [{ at: at(2), actorId: null, event: 'registered', status: 'registered', note: 'Registered' }],
    createdAt: at(2),
    updatedAt: at(3),
    updatedBy: 'anne',
    etag: 1,
    ...overrides,
  };
}

/** An employee's deviation with every optional field empty. */
export function buildBareItem(overrides: Partial<RegisterItem> = {}): RegisterItem {
  return buildItem({
    id: 'r2',
    receiptNumber: '2026-BBBBBB',
    kind: 'deviation',
    channel: 'tab',
    status: 'registered',
    title: 'Journal ikke opdateret',
    description: '',
    caseAreaId: null,
    caseNumber: null,
    procedureIds: [],
    auditId: null,
    sourceMessage: null,
    unitIds: [],
    scope: 'unit',
    severity: null,
    likelihood: null,
    categoryId: null,
    correction: null,
    rootCauseCategoryId: null,
    rootCause: null,
    handlerUnitId: null,
    handlerId: null,
    reportedBy: 'carl',
    reportedAt: at(4),
    receivedOn: d('2026-03-04'),
    locale: 'nb',
    contact: null,
    statusTokenHash: null,
    replyDueOn: null,
    interimReplies: [],
    correctiveActionIds: [],
    trail: [],
    createdAt: at(4),
    updatedAt: at(4),
    updatedBy: 'carl',
    ...overrides,
  });
}

export function buildSettings(overrides: Partial<RegisterSettings> = {}): RegisterSettings {
  return {
    ...defaultRegisterSettings(at(1), 'mette'),
    categories: [
      { id: 'cat-1', label: { da: 'Ventetid', nb: 'Ventetid', en: 'Waiting' }, kinds: ['complaint'], isActive: true },
    ],
    rootCauseCategories: [{ id: 'rc-1', label: { da: 'Fordeling', nb: 'Fordeling', en: 'Routing' }, isActive: true }],
    etag: 1,
    ...overrides,
  };
}

export function buildAction(id: string): CorrectiveAction {
  return {
    ...blankAction({ id, at: at(5), actorId: 'anne' }),
    title: 'Klage 2026-AAAAAA: Ingen svar',
    source: { kind: 'feedback', feedbackId: 'r1' },
    unitId: 'natur',
  } as CorrectiveAction;
}

const trailEntry = (action: string, subjectId: string): TrailWithoutSeq => ({
  at: at(5),
  actorId: 'anne',
  action,
  procedureId: null,
  subjectId,
  summary: `${action} – æøå`,
  details: { subjectId },
});

const errorOf = (work: Promise<unknown>) => work.then(() => undefined).catch((error: unknown) => error);

/** Rows in a stable order (the port promises none). */
/** One row per item, whether the store grouped identical rows (`count`) or not. */
const sortedRows = (rows: StatisticsRow[]) =>
  rows
    .flatMap(({ count = 1, ...row }) => Array.from({ length: count }, () => row))
    .sort((a, b) => (a.receivedOn + a.kind < b.receivedOn + b.kind ? -1 : 1));
const ids = (items: RegisterItem[]) => items.map((item) => item.id);

export function describeRegisterStoreContract(name: string, open: () => Promise<RegisterStoreUnderTest>): void {
  describe(`RegisterStore contract: ${name}`, () => {
    let subject: RegisterStoreUnderTest;
    let store: RegisterStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => subject.close());

    it('round-trips items with every field and with none, the settings and the trail', async () => {
      expect(await store.getSettings()).toBeUndefined();
      const full = buildItem({
        reply: {
          text: 'Svar',
          sentAt: at(9),
          sentBy: 'anne',
          deliveredBy: 'email',
          isLate: true,
        },
        deletionRequest: { requestedOn: d('2026-03-10'), recordedBy: 'mette', outcome: 'refused', reason: 'Journal' },
        contactRemovedOn: d('2026-03-11'),
        closedOn: d('2026-03-12'),
      });
      const bare = buildBareItem();
      await store.commit({
        expect: [
          { id: 'r1', etag: 0 },
          { id: 'r2', etag: 0 },
        ],
        items: [full, bare],
        settings: { record: buildSettings(), expectedEtag: 0 },
        trail: [trailEntry('register.item-registered', 'r1'), trailEntry('register.item-registered', 'r2')],
      });
      expect(await store.getItem('r1')).toEqual(full);
      expect(await store.getItem('r2')).toEqual(bare);
      expect(await store.getItem('nope')).toBeUndefined();
      expect(await store.getSettings()).toEqual(buildSettings());
      expect(await subject.trail()).toEqual([
        trailEntry('register.item-registered', 'r1'),
        trailEntry('register.item-registered', 'r2'),
      ]);

      // Settings saved again over the stored etag; a stale save is refused with nothing changed.
      const saved = buildSettings({ contactRetentionYears: 3, etag: 2, updatedBy: 'anne', updatedAt: at(6) });
      await store.commit({ settings: { record: saved, expectedEtag: 1 } });
      expect(await store.getSettings()).toEqual(saved);
      const stale = await errorOf(
        store.commit({
          settings: { record: buildSettings({ etag: 2 }), expectedEtag: 1 },
          trail: [trailEntry('register.settings-saved', 'register')],
        }),
      );
      expect(stale).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'stale', collection: 'registerSettings', id: 'register', etag: 2, updatedBy: 'anne' },
      });
      expect(await store.getSettings()).toEqual(saved);
      expect(await subject.trail()).toHaveLength(2);
    });

    it('refuses a stale item with CONFLICT (stored etag, who, when) and writes nothing of the change set', async () => {
      await store.commit({ expect: [{ id: 'r1', etag: 0 }], items: [buildItem()] });
      const again = await errorOf(store.commit({ expect: [{ id: 'r1', etag: 0 }], items: [buildItem()] }));
      expect(again).toMatchObject({
        code: 'CONFLICT',
        details: {
          reason: 'stale',
          collection: 'registerItems',
          id: 'r1',
          etag: 1,
          updatedBy: 'anne',
          updatedAt: at(3),
        },
      });

      const stale = await errorOf(
        store.commit({
          expect: [{ id: 'r1', etag: 2 }],
          items: [buildItem({ status: 'closed', etag: 3 }), buildBareItem()],
          settings: { record: buildSettings(), expectedEtag: 0 },
          correctiveActions: [buildAction('ca-1')],
          trail: [trailEntry('register.item-updated', 'r1')],
        }),
      );
      expect(stale).toMatchObject({ code: 'CONFLICT', details: { collection: 'registerItems', id: 'r1', etag: 1 } });
      // Expected but not written (a fence) is checked too; one that does not exist has etag 0.
      const fenced = await errorOf(
        store.commit({ expect: [{ id: 'r1', etag: 5 }], items: [buildBareItem()], trail: [trailEntry('x', 'r2')] }),
      );
      expect(fenced).toMatchObject({ code: 'CONFLICT', details: { id: 'r1', etag: 1 } });
      const gone = await errorOf(store.commit({ expect: [{ id: 'r9', etag: 1 }], items: [buildItem({ id: 'r9' })] }));
      expect(gone).toMatchObject({
        code: 'CONFLICT',
        details: { id: 'r9', etag: 0, updatedBy: null, updatedAt: null },
      });

      expect(await store.listItems()).toEqual([buildItem()]);
      expect(await store.getSettings()).toBeUndefined();
      expect(await subject.correctiveActions()).toEqual([]);
      expect(await subject.trail()).toEqual([]);

      // The right etag writes; an expected item fenced but not written is left as it is.
      const next = buildItem({ status: 'open', etag: 2, updatedBy: 'mette', updatedAt: at(7) });
      await store.commit({ expect: [{ id: 'r1', etag: 1 }], items: [next] });
      expect(await store.getItem('r1')).toEqual(next);
      await store.commit({ expect: [{ id: 'r1', etag: 2 }], items: [buildBareItem()] });
      expect(await store.getItem('r1')).toEqual(next);
      expect(await store.getItem('r2')).toEqual(buildBareItem());
    });

    it('finds an item by its status token hash; receipt number and token are unique and written once', async () => {
      await store.commit({ expect: [{ id: 'r1', etag: 0 }], items: [buildItem()] });
      expect(await store.findByStatusTokenHash(hash('a'))).toEqual(buildItem());
      expect(await store.findByStatusTokenHash(hash('b'))).toBeUndefined();

      const receipt = await errorOf(
        store.commit({
          expect: [{ id: 'r2', etag: 0 }],
          items: [buildBareItem({ receiptNumber: '2026-AAAAAA' })],
          trail: [trailEntry('register.item-registered', 'r2')],
        }),
      );
      expect(receipt).toMatchObject({ code: 'DUPLICATE', details: { field: 'receiptNumber' } });
      const token = await errorOf(
        store.commit({ expect: [{ id: 'r2', etag: 0 }], items: [buildBareItem({ statusTokenHash: hash('a') })] }),
      );
      expect(token).toMatchObject({ code: 'DUPLICATE', details: { field: 'statusTokenHash' } });
      expect(ids(await store.listItems())).toEqual(['r1']);
      expect(await subject.trail()).toEqual([]);

      // An update does not change them (insert-only).
      await store.commit({
        expect: [{ id: 'r1', etag: 1 }],
        items: [buildItem({ receiptNumber: '2026-ZZZZZZ', statusTokenHash: hash('c'), etag: 2 })],
      });
      expect(await store.getItem('r1')).toEqual(buildItem({ etag: 2 }));
      expect(await store.findByStatusTokenHash(hash('c'))).toBeUndefined();
    });

    it('lists newest first and filters by handler, reporter, status, open, kind, channel and received dates', async () => {
      const items = [
        buildItem(),
        buildBareItem(),
        buildItem({
          id: 'r3',
          receiptNumber: '2026-CCCCCC',
          statusTokenHash: hash('c'),
          kind: 'praise',
          channel: 'teams',
          status: 'closed',
          closedOn: d('2026-03-20'),
          handlerId: 'bo',
          reportedBy: 'carl',
          reportedAt: at(3),
          receivedOn: d('2026-03-03'),
        }),
        buildItem({
          id: 'r4',
          receiptNumber: '2026-DDDDDD',
          statusTokenHash: hash('d'),
          reportedAt: at(4),
          receivedOn: d('2026-03-04'),
          status: 'awaiting-handling',
        }),
      ];
      await store.commit({ items });
      // r2 and r4 share reportedAt: id breaks the tie.
      expect(ids(await store.listItems())).toEqual(['r2', 'r4', 'r3', 'r1']);
      expect(ids(await store.listItems({}))).toEqual(['r2', 'r4', 'r3', 'r1']);
      expect(ids(await store.listItems({ handlerId: 'anne' }))).toEqual(['r4', 'r1']);
      expect(ids(await store.listItems({ reportedBy: 'carl' }))).toEqual(['r2', 'r3']);
      expect(ids(await store.listItems({ status: 'closed' }))).toEqual(['r3']);
      expect(ids(await store.listItems({ isOpen: true }))).toEqual(['r2', 'r4', 'r1']);
      expect(ids(await store.listItems({ kind: 'complaint' }))).toEqual(['r4', 'r1']);
      expect(ids(await store.listItems({ channel: 'tab' }))).toEqual(['r2']);
      expect(ids(await store.listItems({ from: d('2026-03-03') }))).toEqual(['r2', 'r4', 'r3']);
      expect(ids(await store.listItems({ to: d('2026-03-03') }))).toEqual(['r3', 'r1']);
      expect(ids(await store.listItems({ from: d('2026-03-03'), to: d('2026-03-03') }))).toEqual(['r3']);
      expect(
        ids(await store.listItems({ handlerId: 'anne', isOpen: true, kind: 'complaint', from: d('2026-03-04') })),
      ).toEqual(['r4']);
      expect(ids(await store.listItems({ reportedBy: 'carl', status: 'registered', channel: 'tab' }))).toEqual(['r2']);
      expect(ids(await store.listItems({ handlerId: 'nobody' }))).toEqual([]);

      // A closed item leaves the open ones; reopened, it is back.
      await store.commit({ items: [{ ...items[0]!, status: 'closed', closedOn: d('2026-03-21') }] });
      expect(ids(await store.listItems({ isOpen: true }))).toEqual(['r2', 'r4']);
      await store.commit({ items: [{ ...items[0]!, status: 'open' }] });
      expect(ids(await store.listItems({ isOpen: true }))).toEqual(['r2', 'r4', 'r1']);
    });

    it('gives the statistics rows of every item received on or before a day', async () => {
      await store.commit({
        items: [
          buildItem({ reply: { text: 'Svar', sentAt: at(9), sentBy: 'anne', deliveredBy: 'email', isLate: false } }),
          buildBareItem(),
          buildItem({
            id: 'r3',
            receiptNumber: '2026-CCCCCC',
            statusTokenHash: null,
            contact: { name: 'Anonym', email: null, phone: '12345678' },
            receivedOn: d('2026-03-05'),
            reply: { text: 'Svar', sentAt: at(9), sentBy: 'anne', deliveredBy: 'status-page', isLate: true },
          }),
          buildItem({ id: 'r4', receiptNumber: '2026-DDDDDD', statusTokenHash: null, receivedOn: d('2026-03-06') }),
        ],
      });
      expect(sortedRows(await store.statisticsRows(d('2026-03-05')))).toEqual([
        {
          kind: 'complaint',
          channel: 'public',
          status: 'in-handling',
          categoryId: 'cat-sagsbehandlingstid',
          rootCauseCategoryId: 'rc-fordeling',
          unitId: 'natur',
          receivedOn: '2026-03-02',
          isAnswerable: true,
          replyDueOn: '2026-03-16',
          isReplyLate: false,
        },
        {
          kind: 'deviation',
          channel: 'tab',
          status: 'registered',
          categoryId: null,
          rootCauseCategoryId: null,
          unitId: null,
          receivedOn: '2026-03-04',
          isAnswerable: true,
          replyDueOn: null,
          isReplyLate: null,
        },
        {
          kind: 'complaint',
          channel: 'public',
          status: 'in-handling',
          categoryId: 'cat-sagsbehandlingstid',
          rootCauseCategoryId: 'rc-fordeling',
          unitId: 'natur',
          receivedOn: '2026-03-05',
          isAnswerable: false,
          replyDueOn: '2026-03-16',
          isReplyLate: true,
        },
      ]);
      expect(await store.statisticsRows(d('2026-03-01'))).toEqual([]);
      expect(await store.statisticsRows(d('2026-12-31'))).toHaveLength(4);
    });

    it('gives the unanswered open items due by a day (reminders), and drops them once answered or closed', async () => {
      const reply = { text: 'Svar', sentAt: at(9), sentBy: 'anne', deliveredBy: 'email' as const, isLate: false };
      await store.commit({
        items: [
          buildItem({ id: 'due', replyDueOn: d('2026-03-16') }),
          buildItem({ id: 'early', receiptNumber: '2026-E', statusTokenHash: null, replyDueOn: d('2026-03-10') }),
          buildItem({ id: 'later', receiptNumber: '2026-L', statusTokenHash: null, replyDueOn: d('2026-03-17') }),
          buildItem({ id: 'answered', receiptNumber: '2026-A', statusTokenHash: null, reply }),
          buildItem({ id: 'closed', receiptNumber: '2026-C', statusTokenHash: null, status: 'closed' }),
          buildBareItem({ id: 'none' }),
        ],
      });
      const due = async (until: string) => ids(await store.itemsWithReplyDueBy(d(until))).sort();
      expect(await due('2026-03-16')).toEqual(['due', 'early']);
      expect(await due('2026-03-09')).toEqual([]);
      expect(await due('2026-12-31')).toEqual(['due', 'early', 'later']);
      await store.commit({ items: [buildItem({ id: 'due', reply })] });
      await store.commit({
        items: [buildItem({ id: 'early', receiptNumber: '2026-E', statusTokenHash: null, status: 'closed' })],
      });
      expect(await due('2026-12-31')).toEqual(['later']);
      expect(await store.itemsWithReplyDueBy(d('2026-12-31'))).toEqual([
        buildItem({ id: 'later', receiptNumber: '2026-L', statusTokenHash: null, replyDueOn: d('2026-03-17') }),
      ]);
    });

    it('gives the closed items still holding contact details by closing day (retention), and by e-mail', async () => {
      const closed = (id: string, closedOn: string, overrides: Partial<RegisterItem> = {}) =>
        buildItem({
          id,
          receiptNumber: `2026-${id}`,
          statusTokenHash: null,
          status: 'closed',
          closedOn: d(closedOn),
          ...overrides,
        });
      await store.commit({
        items: [
          closed('old', '2021-03-01'),
          closed('edge', '2021-03-02', { contact: { name: null, email: 'other@example.dk', phone: null } }),
          closed('recent', '2025-01-01'),
          closed('removed', '2020-01-01', { contact: null, contactRemovedOn: d('2025-01-01') }),
          buildItem({ id: 'open', receiptNumber: '2026-open', statusTokenHash: null, receivedOn: d('2026-03-09') }),
        ],
      });
      const retained = async (closedBy: string) => ids(await store.closedItemsWithContact(d(closedBy))).sort();
      expect(await retained('2021-03-02')).toEqual(['edge', 'old']);
      expect(await retained('2021-03-01')).toEqual(['old']);
      expect(await retained('2030-01-01')).toEqual(['edge', 'old', 'recent']);

      // Removing the contact details takes the item out of the query and out of the e-mail lookup.
      expect(ids(await store.itemsByContactEmail('bodil@EXAMPLE.dk'))).toEqual(['old', 'recent', 'open']);
      await store.commit({
        items: [closed('old', '2021-03-01', { contact: null, contactRemovedOn: d('2026-03-10') })],
      });
      expect(await retained('2030-01-01')).toEqual(['edge', 'recent']);
      expect(ids(await store.itemsByContactEmail('Bodil@Example.dk'))).toEqual(['recent', 'open']);
      expect(ids(await store.itemsByContactEmail('other@example.dk'))).toEqual(['edge']);
      expect(await store.itemsByContactEmail('nobody@example.dk')).toEqual([]);
    });

    it('refuses a replayed proof-of-work solution with the whole change set, and forgets expired ones', async () => {
      const used = (digit: string, expiresAt: string) => ({ signatureHash: hash(digit), expiresAt });
      await store.commit({
        expect: [{ id: 'r1', etag: 0 }],
        items: [buildItem()],
        usedChallenge: used('1', at(2, 9)),
        trail: [trailEntry('register.item-registered', 'r1')],
      });
      const replayed = await errorOf(
        store.commit({
          expect: [{ id: 'r2', etag: 0 }],
          items: [buildBareItem()],
          usedChallenge: used('1', at(2, 9)),
          trail: [trailEntry('register.item-registered', 'r2')],
        }),
      );
      expect(replayed).toMatchObject({ code: 'DUPLICATE', details: { field: 'altcha', reason: 'replayed' } });
      expect(ids(await store.listItems())).toEqual(['r1']);
      expect(await subject.trail()).toHaveLength(1);

      await store.commit({ usedChallenge: used('2', at(2, 10)) });
      await store.commit({ usedChallenge: used('3', at(2, 12)) });
      expect(await store.purgeUsedChallenges(at(2, 10))).toBe(1);
      expect(await store.purgeUsedChallenges(at(2, 10))).toBe(0);
      // Forgotten, the first solution's hash can be stored again; the others are still refused.
      await store.commit({ usedChallenge: used('1', at(3, 9)) });
      expect(await errorOf(store.commit({ usedChallenge: used('2', at(2, 10)) }))).toMatchObject({
        code: 'DUPLICATE',
        details: { field: 'altcha' },
      });
      expect(await store.purgeUsedChallenges(at(4))).toBe(3);
      expect(await store.purgeUsedChallenges(at(4))).toBe(0);
    });

    it('keeps an unanswered item in the deadline index with the reminder days in force; answering removes it; saving the settings rewrites the waiting items', async () => {
      const bySubject = (entries: DeadlineEntry[]) =>
        [...entries].sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
      const entriesOf = (settings: RegisterSettings, ...items: RegisterItem[]) =>
        bySubject(items.flatMap((item) => registerDeadlineWrites(item, settings).upserts));
      const indexed = async () => bySubject(await subject.registerDeadlines());

      const settings = buildSettings({ remindDaysBefore: 2, escalateDaysAfter: 3 });
      await store.commit({ settings: { record: settings, expectedEtag: 0 } });
      const waiting = buildItem({ id: 'w' });
      const other = buildItem({ id: 'o', receiptNumber: '2026-O', statusTokenHash: null, replyDueOn: d('2026-03-20') });
      // No deadline (an employee's deviation), closed: no entry.
      const closed = buildItem({ id: 'c', receiptNumber: '2026-C', statusTokenHash: null, status: 'closed' });
      await store.commit({ items: [waiting, other, closed, buildBareItem()] });
      expect(await indexed()).toEqual(entriesOf(settings, other, waiting));
      expect((await indexed()).find((entry) => entry.subjectId === 'w')).toMatchObject({
        kind: 'register-reply',
        dueOn: '2026-03-16',
        responsibleId: 'anne',
        unitId: 'natur',
        details: {
          receiptNumber: '2026-AAAAAA',
          registerKind: 'complaint',
          remindOn: '2026-03-12',
          escalateOn: '2026-03-19',
        },
      });

      // A handling step that moves the deadline or the handler rewrites the entry.
      const moved = { ...waiting, replyDueOn: d('2026-03-23'), handlerId: 'bo', etag: 2 };
      await store.commit({ items: [moved] });
      expect(await indexed()).toEqual(entriesOf(settings, other, moved));

      // The answer removes the entry.
      const reply = { text: 'Svar', sentAt: at(9), sentBy: 'bo', deliveredBy: 'email' as const, isLate: false };
      await store.commit({ items: [{ ...moved, reply, etag: 3 }] });
      expect(await indexed()).toEqual(entriesOf(settings, other));

      // New reminder days apply to the items still waiting, without writing them.
      const changed = buildSettings({ remindDaysBefore: 5, escalateDaysAfter: 0, etag: 2 });
      await store.commit({ settings: { record: changed, expectedEtag: 1 } });
      expect(await indexed()).toEqual(entriesOf(changed, other));
      expect((await indexed())[0]!.details).toMatchObject({ remindOn: '2026-03-13', escalateOn: null });
      expect(await store.getItem('o')).toEqual(other);
    });

    it('inserts the corrective actions started from an item, and refuses an action that exists', async () => {
      await store.commit({ expect: [{ id: 'r1', etag: 0 }], items: [buildItem({ correctiveActionIds: [] })] });
      const started = buildItem({ status: 'open', correctiveActionIds: ['ca-1'], etag: 2 });
      await store.commit({
        expect: [{ id: 'r1', etag: 1 }],
        items: [started],
        correctiveActions: [buildAction('ca-1')],
        trail: [trailEntry('register.corrective-action-started', 'r1')],
      });
      expect(await store.getItem('r1')).toEqual(started);
      expect(await subject.correctiveActions()).toEqual([buildAction('ca-1')]);

      const twice = await errorOf(
        store.commit({
          expect: [{ id: 'r1', etag: 2 }],
          items: [buildItem({ correctiveActionIds: ['ca-1', 'ca-1'], etag: 3 })],
          correctiveActions: [buildAction('ca-1')],
          trail: [trailEntry('register.corrective-action-started', 'r1')],
        }),
      );
      expect(twice).toMatchObject({ code: 'CONFLICT', details: { collection: 'correctiveActions', id: 'ca-1' } });
      expect(await store.getItem('r1')).toEqual(started);
      expect(await subject.trail()).toHaveLength(1);
    });
  });
}
