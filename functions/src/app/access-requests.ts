import {
  accessDeadlineOf,
  accessDeadlineStatus,
  type AccessExport,
  type AccessRequest,
} from '../core/access-request.js';
import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import { canHandleAccessRequests, ensure, type Actor } from '../core/policies.js';
import type {
  AccessAnswerBody,
  AccessExportBody,
  AccessRequestDto,
  CreateAccessRequestBody,
} from '../contract/schemas.js';
import { buildAccessExport } from './export-access-request.js';
import type { Services } from './ports.js';
import { ensureProceduresExist, firstVersion, nextVersion, qualityTrail, stampOf, todayOf } from './quality-records.js';

/**
 * Aktindsigt / innsyn (offentlighedsloven § 36, offentleglova § 32): the coordinator records a
 * request, produces the export (kept, file by file) and records the answer. Every write is the
 * request and one trail entry in one transaction; a refused write changes nothing.
 */

function ensureHandler(actor: Actor): void {
  ensure(canHandleAccessRequests(actor), 'Only the quality coordinator handles requests for access.');
}

async function load(services: Services, id: string): Promise<AccessRequest> {
  const request = await services.accessRequests.getAccessRequest(id);
  if (!request) throw new AppError('NOT_FOUND', `No access request ${id}.`);
  return request;
}

function ensureFresh(request: AccessRequest, etag: number): void {
  if (request.etag !== etag)
    throw new AppError('CONFLICT', `The request ${request.id} changed after you read it. Reload and try again.`, {
      reason: 'stale',
      collection: 'accessRequests',
      id: request.id,
      etag: request.etag,
      updatedBy: request.updatedBy,
      updatedAt: request.updatedAt,
    });
}

async function present(services: Services, requests: AccessRequest[]): Promise<AccessRequestDto[]> {
  const [people, procedures] = await Promise.all([
    services.store.listPeople(),
    Promise.all(
      [...new Set(requests.flatMap((request) => request.procedureIds))].map((id) => services.store.getProcedure(id)),
    ),
  ]);
  const personRef = (id: string) => ({ id, name: people.find((person) => person.id === id)?.name ?? id });
  const byId = new Map(procedures.filter((p) => p !== undefined).map((p) => [p.id, p]));
  const today = todayOf(services);
  return requests.map((request) => ({
    id: request.id,
    law: request.law,
    requesterName: request.requesterName,
    requesterContact: request.requesterContact,
    subject: request.subject,
    procedures: request.procedureIds.map((id) => {
      const procedure = byId.get(id);
      return { id, code: procedure?.code ?? id, title: procedure?.title ?? '' };
    }),
    receivedOn: request.receivedOn,
    deadlineOn: request.deadlineOn,
    deadlineStatus: accessDeadlineStatus(request, today),
    state: request.state,
    answer: request.answer
      ? {
          decision: request.answer.decision,
          text: request.answer.text,
          answeredOn: request.answer.answeredOn,
          answeredBy: personRef(request.answer.answeredBy),
        }
      : null,
    exports: request.exports.map((entry, index) => ({
      number: index + 1,
      at: entry.at,
      by: personRef(entry.by),
      fileName: entry.fileName,
      sha256: entry.sha256,
      includeDrafts: entry.includeDrafts,
      files: entry.files,
    })),
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    updatedBy: request.updatedBy,
    etag: request.etag,
  }));
}

export async function listAccessRequests(services: Services, actor: Actor): Promise<{ items: AccessRequestDto[] }> {
  ensureHandler(actor);
  return { items: await present(services, await services.accessRequests.listAccessRequests()) };
}

export async function getAccessRequest(services: Services, actor: Actor, id: string): Promise<AccessRequestDto> {
  ensureHandler(actor);
  const [dto] = await present(services, [await load(services, id)]);
  return dto!;
}

export async function createAccessRequest(
  services: Services,
  actor: Actor,
  body: Required<Omit<CreateAccessRequestBody, 'receivedOn'>> & { receivedOn: string },
): Promise<AccessRequestDto> {
  ensureHandler(actor);
  const receivedOn = body.receivedOn as LocalDate;
  if (receivedOn > todayOf(services))
    throw new AppError('VALIDATION', 'A request cannot be received in the future.', {
      field: 'receivedOn',
      reason: 'future-date',
    });
  const procedureIds = [...new Set(body.procedureIds)];
  await ensureProceduresExist(services, procedureIds, 'procedureIds');
  const stamp = stampOf(services, actor);
  const request: AccessRequest = {
    id: services.ids.next(),
    law: body.law,
    requesterName: body.requesterName,
    requesterContact: body.requesterContact,
    subject: body.subject,
    procedureIds,
    receivedOn,
    deadlineOn: accessDeadlineOf(receivedOn, body.law),
    state: 'open',
    answer: null,
    exports: [],
    ...firstVersion(stamp),
  };
  await services.accessRequests.saveAccessRequest(
    request,
    0,
    qualityTrail(
      stamp,
      'access-request.created',
      request.id,
      `Anmodning om aktindsigt registreret: ${request.requesterName}`,
      {
        law: request.law,
        receivedOn,
        deadlineOn: request.deadlineOn,
        procedureIds,
      },
    ),
  );
  return getAccessRequest(services, actor, request.id);
}

export async function produceAccessExport(
  services: Services,
  actor: Actor,
  id: string,
  etag: number,
  body: Required<AccessExportBody>,
): Promise<AccessRequestDto> {
  ensureHandler(actor);
  const request = await load(services, id);
  ensureFresh(request, etag);
  const stamp = stampOf(services, actor);
  const built = await buildAccessExport(services, request, { includeDrafts: body.includeDrafts, actor });
  const stored = await services.documents.put(built.bytes);
  const entry: AccessExport = {
    at: stamp.at,
    by: actor.id,
    fileName: built.fileName,
    ref: stored.ref,
    sha256: stored.sha256,
    includeDrafts: body.includeDrafts,
    files: built.files,
  };
  const next: AccessRequest = { ...request, exports: [...request.exports, entry], ...nextVersion(request, stamp) };
  await services.accessRequests.saveAccessRequest(
    next,
    request.etag,
    qualityTrail(stamp, 'access-request.exported', request.id, `Aktindsigt udleveret: ${built.files.length} filer`, {
      number: next.exports.length,
      sha256: stored.sha256,
      includeDrafts: body.includeDrafts,
    }),
  );
  return getAccessRequest(services, actor, id);
}

/** A kept export, byte for byte as it was handed out. */
export async function downloadAccessExport(
  services: Services,
  actor: Actor,
  id: string,
  number: number,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  ensureHandler(actor);
  const request = await load(services, id);
  const entry = request.exports[number - 1];
  if (!entry) throw new AppError('NOT_FOUND', `The request ${id} has no export ${number}.`);
  return { bytes: await services.documents.get(entry.ref), fileName: entry.fileName };
}

export async function answerAccessRequest(
  services: Services,
  actor: Actor,
  id: string,
  etag: number,
  body: Required<AccessAnswerBody>,
): Promise<AccessRequestDto> {
  ensureHandler(actor);
  const request = await load(services, id);
  ensureFresh(request, etag);
  if (request.state === 'answered')
    throw new AppError('CONFLICT', 'The request has been answered; its answer is kept as it was.', {
      reason: 'answered',
      id,
    });
  const answeredOn = body.answeredOn as LocalDate;
  if (answeredOn < request.receivedOn)
    throw new AppError('VALIDATION', 'The answer cannot be dated before the request was received.', {
      field: 'answeredOn',
      reason: 'before-receipt',
    });
  if (answeredOn > todayOf(services))
    throw new AppError('VALIDATION', 'The answer cannot be dated in the future.', {
      field: 'answeredOn',
      reason: 'future-date',
    });
  if (body.decision !== 'refused' && request.exports.length === 0)
    throw new AppError('VALIDATION', 'Produce the export that is handed out before recording access as granted.', {
      field: 'decision',
      reason: 'no-export',
    });
  const stamp = stampOf(services, actor);
  const next: AccessRequest = {
    ...request,
    state: 'answered',
    answer: { decision: body.decision, text: body.text, answeredOn, answeredBy: actor.id },
    ...nextVersion(request, stamp),
  };
  await services.accessRequests.saveAccessRequest(
    next,
    request.etag,
    qualityTrail(stamp, 'access-request.answered', id, `Aktindsigt besvaret: ${body.decision}`, {
      decision: body.decision,
      answeredOn,
      late: answeredOn > request.deadlineOn,
    }),
  );
  return getAccessRequest(services, actor, id);
}
