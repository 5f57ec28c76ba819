import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessRequestStore } from '../../functions/src/app/access-request-ports.js';
import type { DeadlineEntry } from '../../functions/src/app/deadline-index.js';
import type { AccessExport, AccessRequest, HandedOutFile } from '../../functions/src/core/access-request.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import { accessRequestRecord } from '../../functions/src/records/access-requests.js';
import { sampleOf } from '../support/record-samples.js';
import type { TrailWithoutSeq } from './contract-sites.js';

/**
 * The AccessRequestStore port's behaviour (aktindsigt / innsyn), as every adapter must show it:
 * a fresh, empty store per test. `deadlines()` reads the index entries of kind `access-request`
 * the store wrote with its requests (app/deadline-index.ts).
 */
export type AccessRequestStoreUnderTest = {
  store: AccessRequestStore;
  trail(): Promise<TrailWithoutSeq[]>;
  deadlines(): Promise<DeadlineEntry[]>;
  close(): Promise<void>;
};

const d = (value: string) => value as LocalDate;
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T08:30:00.000Z`;

export function buildAccessRequest(overrides: Partial<AccessRequest> = {}): AccessRequest {
  return sampleOf(accessRequestRecord, {
    id: 'ar-1',
    law: 'dk',
    requesterName: 'Jens Journalist – æøå',
    requesterContact: 'jens@example.dk',
    subject: 'Procedurerne for dispensationer\nog deres godkendelser',
    procedureIds: ['p-1', 'p-2'],
    receivedOn: d('2026-03-02'),
    deadlineOn: d('2026-03-11'),
    state: 'open',
    answer: null,
    exports: [],
    etag: 1,
    createdAt: at(2),
    updatedAt: at(2),
    updatedBy: 'mette-kjaer',
    ...overrides,
  });
}

/** An export of `files` handed-out files (each about 190 characters of JSON). */
export function buildExport(files: number, overrides: Partial<AccessExport> = {}): AccessExport {
  return {
    at: at(4),
    by: 'mette-kjaer',
    fileName: 'Aktindsigt ar-1 – 2026-03-04.zip',
    ref: 'ref-zip-1',
    sha256: 'c'.repeat(64),
    includeDrafts: false,
    files: Array.from({ length: files }, (_, index): HandedOutFile => ({
      path: `TM-01-${String(index).padStart(4, '0')} Byggesagsbehandling – æøå/v1.${index}.pdf`,
      kind: index % 2 === 0 ? 'version-pdf' : 'original',
      procedureId: `p-${index}`,
      versionId: `v-${index}`,
      sha256: String(index % 10).repeat(64),
    })),
    ...overrides,
  };
}

const trailEntry = (action: string, subjectId: string): TrailWithoutSeq => ({
  at: at(2),
  actorId: 'mette-kjaer',
  action,
  procedureId: null,
  subjectId,
  summary: `${action} – æøå`,
  details: { subjectId, n: 1 },
});

export function describeAccessRequestStoreContract(
  name: string,
  open: () => Promise<AccessRequestStoreUnderTest>,
): void {
  describe(`AccessRequestStore contract: ${name}`, () => {
    let subject: AccessRequestStoreUnderTest;
    let store: AccessRequestStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => subject.close());

    it('round-trips every field; lists open requests by deadline, then answered ones newest received first', async () => {
      const requests = [
        buildAccessRequest(),
        buildAccessRequest({
          id: 'ar-2',
          law: 'no',
          requesterName: 'Åse Anmoder',
          receivedOn: d('2026-03-01'),
          deadlineOn: d('2026-03-06'),
          procedureIds: [],
        }),
        buildAccessRequest({
          id: 'ar-3',
          state: 'answered',
          receivedOn: d('2026-02-01'),
          deadlineOn: d('2026-02-10'),
          answer: {
            decision: 'partly-granted',
            text: 'Delvis: udkast undtaget.',
            answeredOn: d('2026-02-09'),
            answeredBy: 'mette-kjaer',
          },
          exports: [buildExport(3)],
        }),
        buildAccessRequest({
          id: 'ar-4',
          state: 'answered',
          receivedOn: d('2026-02-20'),
          deadlineOn: d('2026-03-03'),
          answer: { decision: 'refused', text: 'Afslag.', answeredOn: d('2026-02-21'), answeredBy: 'mette-kjaer' },
        }),
      ];
      for (const request of requests)
        await store.saveAccessRequest(request, 0, trailEntry('access-request.created', request.id));
      expect(await store.getAccessRequest('ar-3')).toEqual(requests[2]);
      expect(await store.getAccessRequest('nope')).toBeUndefined();
      expect(await store.listAccessRequests()).toEqual([requests[1], requests[0], requests[3], requests[2]]);
      expect((await subject.trail()).map((entry) => entry.subjectId)).toEqual(['ar-1', 'ar-2', 'ar-3', 'ar-4']);
      expect(await subject.trail()).toContainEqual(trailEntry('access-request.created', 'ar-1'));
    });

    it('keeps an open request’s deadline in the index for the coordinators, and removes it when answered', async () => {
      const request = buildAccessRequest();
      await store.saveAccessRequest(request, 0, trailEntry('access-request.created', 'ar-1'));
      expect(await subject.deadlines()).toEqual([
        {
          kind: 'access-request',
          subjectId: 'ar-1',
          dueOn: d('2026-03-11'),
          responsibleId: null,
          unitId: null,
          details: {
            law: 'dk',
            requesterName: request.requesterName,
            subject: request.subject,
            receivedOn: d('2026-03-02'),
          },
        },
      ]);
      const answered = buildAccessRequest({
        state: 'answered',
        answer: { decision: 'refused', text: 'Afslag.', answeredOn: d('2026-03-05'), answeredBy: 'mette-kjaer' },
        etag: 2,
        updatedAt: at(5),
      });
      await store.saveAccessRequest(answered, 1, trailEntry('access-request.answered', 'ar-1'));
      expect(await store.getAccessRequest('ar-1')).toEqual(answered);
      expect(await subject.deadlines()).toEqual([]);
    });

    it('refuses a stale write with CONFLICT (stored etag, who, when) and writes nothing: no request, no deadline, no trail', async () => {
      const twice = await store
        .saveAccessRequest(buildAccessRequest({ etag: 1 }), 1, trailEntry('access-request.created', 'ar-1'))
        .catch((error: unknown) => error);
      expect(twice).toMatchObject({ code: 'CONFLICT', details: { id: 'ar-1', etag: 0, updatedBy: null } });
      expect(await store.listAccessRequests()).toEqual([]);
      expect(await subject.deadlines()).toEqual([]);

      await store.saveAccessRequest(buildAccessRequest(), 0, trailEntry('access-request.created', 'ar-1'));
      const again = await store
        .saveAccessRequest(buildAccessRequest(), 0, trailEntry('access-request.created', 'ar-1'))
        .catch((error: unknown) => error);
      expect(again).toMatchObject({
        code: 'CONFLICT',
        details: { collection: 'accessRequests', id: 'ar-1', etag: 1, updatedBy: 'mette-kjaer', updatedAt: at(2) },
      });
      const stale = await store
        .saveAccessRequest(
          buildAccessRequest({ state: 'answered', etag: 3, deadlineOn: d('2026-04-01') }),
          2,
          trailEntry('access-request.answered', 'ar-1'),
        )
        .catch((error: unknown) => error);
      expect(stale).toMatchObject({ code: 'CONFLICT', details: { etag: 1 } });
      expect(await store.getAccessRequest('ar-1')).toEqual(buildAccessRequest());
      expect((await subject.deadlines()).map((entry) => entry.dueOn)).toEqual([d('2026-03-11')]);
      expect((await subject.trail()).map((entry) => entry.action)).toEqual(['access-request.created']);
    });

    it('keeps what was handed out however long its file list grows (more than a list column holds)', async () => {
      // 3 exports of 400 files: about 230,000 characters of JSON.
      const exports = [
        buildExport(400),
        buildExport(400, { ref: 'ref-zip-2' }),
        buildExport(400, { ref: 'ref-zip-3' }),
      ];
      expect(JSON.stringify(exports).length).toBeGreaterThan(200_000);
      await store.saveAccessRequest(buildAccessRequest(), 0, trailEntry('access-request.created', 'ar-1'));
      const exported = buildAccessRequest({ exports, etag: 2, updatedAt: at(4) });
      await store.saveAccessRequest(exported, 1, trailEntry('access-request.exported', 'ar-1'));
      expect(await store.getAccessRequest('ar-1')).toEqual(exported);
      expect(await store.listAccessRequests()).toEqual([exported]);
      const answered = {
        ...exported,
        state: 'answered' as const,
        answer: {
          decision: 'granted' as const,
          text: 'Udleveret.',
          answeredOn: d('2026-03-05'),
          answeredBy: 'mette-kjaer',
        },
        etag: 3,
      };
      await store.saveAccessRequest(answered, 2, trailEntry('access-request.answered', 'ar-1'));
      expect(await store.getAccessRequest('ar-1')).toEqual(answered);
    });
  });
}
