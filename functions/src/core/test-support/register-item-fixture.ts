import { asLocalDate } from '../local-date.js';
import type { RegisterItem, RegisterStatus, RegisterTrailEntry } from '../register-types.js';

/** A register item for tests: a public complaint received 2026-03-02, due 2026-03-16, routed to p-anne. */

export const trailStep = (
  at: string,
  status: RegisterStatus,
  event: RegisterTrailEntry['event'] = 'status-changed',
): RegisterTrailEntry => ({ at, actorId: 'p-anne', event, status, note: '' });

export function registerItemOf(overrides: Partial<RegisterItem>): RegisterItem {
  return {
    id: 'r1',
    receiptNumber: '2026-AAAAAA',
    kind: 'complaint',
    channel: 'public',
    status: 'registered',
    title: 'Ingen svar',
    description: 'Ingen svar endnu.',
    caseAreaId: null,
    caseNumber: null,
    procedureIds: [],
    auditId: null,
    sourceMessage: null,
    unitIds: ['u-natur'],
    scope: 'unit',
    severity: null,
    likelihood: null,
    categoryId: null,
    correction: null,
    rootCauseCategoryId: null,
    rootCause: null,
    handlerUnitId: 'u-natur',
    handlerId: 'p-anne',
    reportedBy: null,
    reportedAt: '2026-03-02T09:00:00.000Z',
    receivedOn: asLocalDate('2026-03-02'),
    locale: 'da',
    contact: { name: 'B', email: 'b@example.dk', phone: null },
    contactRemovedOn: null,
    statusTokenHash: null,
    replyDueOn: asLocalDate('2026-03-16'),
    interimReplies: [],
    reply: null,
    correctiveActionIds: [],
    closedOn: null,
    deletionRequest: null,
    trail: [trailStep('2026-03-02T09:00:00.000Z', 'registered', 'registered')],
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    updatedBy: 'public',
    etag: 1,
    ...overrides,
  };
}
