import {
  auditViews,
  findingViews,
  getAuditView,
  getCertificate,
  getCertificateCycle,
  getFindingView,
  getProgrammeItem,
  getProgrammeYear,
  listAuditFindings,
  listAuditViews,
  listCertificatesView,
  listFindings,
} from '../app/audit-views.js';
import { changeAuditStatus } from '../app/change-audit-status.js';
import { correctAuditReport, listReportRevisions } from '../app/correct-audit-report.js';
import { createAudit } from '../app/create-audit.js';
import { editChecklist } from '../app/edit-checklist.js';
import { importFindings } from '../app/import-findings.js';
import { planAudits } from '../app/plan-audits.js';
import type { Services } from '../app/ports.js';
import { createFinding, updateFinding } from '../app/record-finding.js';
import { reportAudit } from '../app/report-audit.js';
import { createCertificate, updateCertificate } from '../app/save-certificate.js';
import { createProgrammeItem, updateProgrammeItem } from '../app/save-programme-item.js';
import { updateAudit } from '../app/update-audit.js';
import * as contract from '../contract/audit-schemas.js';
import { idParams } from '../contract/schemas.js';
import { canManageQuality, type Actor } from '../core/policies.js';
import type { Audit, Finding } from '../core/quality-year-types.js';
import { defineRoute, json, type Route } from './route.js';

/** A certifier's findings for one audit are a few dozen rows; this keeps a stray upload small. */
const maxFindingImportBytes = 512 * 1024;

const auditResponse = async (services: Services, actor: Actor, audit: Audit, status = 200) =>
  json((await auditViews(services, actor, [audit]))[0], status);
const findingResponse = async (services: Services, actor: Actor, finding: Finding, status = 200) =>
  json((await findingViews(services, actor, [finding]))[0], status);

/**
 * The audit programme, audits with checklists and reports, the certificate and its cycle, and
 * findings (ISO 9001 9.2 and the certification body's audits). Spread into the route table.
 */
export function buildAuditRoutes(): Route[] {
  const tag = 'audits';
  return [
    defineRoute({
      name: 'audit-programme-items-list',
      method: 'GET',
      path: '/audit-programme/items',
      summary: 'The audit programme’s items (subjects with importance and clauses)',
      tag,
      access: 'signed-in',
      response: contract.programmeItemListSchema,
      handler: async ({ actor, services }) =>
        json({ items: await services.quality.listProgrammeItems(), abilities: { manage: canManageQuality(actor) } }),
    }),
    defineRoute({
      name: 'audit-programme-items-create',
      method: 'POST',
      path: '/audit-programme/items',
      summary: 'Add an item to the audit programme (coordinator)',
      tag,
      access: 'signed-in',
      body: contract.programmeItemBody,
      response: contract.programmeItemSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => json(await createProgrammeItem(services, actor, body), 201),
    }),
    defineRoute({
      name: 'audit-programme-items-get',
      method: 'GET',
      path: '/audit-programme/items/{id}',
      summary: 'One audit programme item, with its ETag',
      tag,
      access: 'signed-in',
      params: idParams,
      response: contract.programmeItemSchema,
      handler: async ({ services, params }) => json(await getProgrammeItem(services, params.id)),
    }),
    defineRoute({
      name: 'audit-programme-items-update',
      method: 'PATCH',
      path: '/audit-programme/items/{id}',
      summary: 'Change an audit programme item (coordinator; If-Match: its etag)',
      tag,
      access: 'signed-in',
      conditional: true,
      params: idParams,
      body: contract.updateProgrammeItemBody,
      response: contract.programmeItemSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        json(await updateProgrammeItem(services, actor, { itemId: params.id, etag: etag(), changes: body })),
    }),
    defineRoute({
      name: 'audit-programme-year',
      method: 'GET',
      path: '/audit-programme',
      summary: 'A year’s programme: the items due, weighted with reasons and a suggested month, and the year’s audits',
      tag,
      access: 'signed-in',
      query: contract.yearQuery,
      response: contract.programmeYearSchema,
      handler: async ({ actor, services, query }) => json(await getProgrammeYear(services, actor, query.year)),
    }),
    defineRoute({
      name: 'audit-programme-plan',
      method: 'POST',
      path: '/audit-programme/{year}/plan',
      summary:
        'Plan internal audits for chosen items in the year, never in the past (a passed suggestion moves to the first 15th from today, listed in moved); an item already planned is not planned twice',
      tag,
      access: 'signed-in',
      params: contract.yearParams,
      body: contract.planBody,
      response: contract.planResultSchema,
      handler: async ({ actor, services, params, body }) => {
        const result = await planAudits(services, actor, { year: params.year, itemIds: body.itemIds });
        return json({
          created: await auditViews(services, actor, result.created),
          alreadyPlanned: result.alreadyPlanned,
          moved: result.moved,
        });
      },
    }),
    defineRoute({
      name: 'audits-list',
      method: 'GET',
      path: '/audits',
      summary: 'Audits (internal and the certification body’s), optionally of one programme year',
      tag,
      access: 'signed-in',
      query: contract.auditListQuery,
      response: contract.auditListSchema,
      handler: async ({ actor, services, query }) => json(await listAuditViews(services, actor, query.year)),
    }),
    defineRoute({
      name: 'audits-create',
      method: 'POST',
      path: '/audits',
      summary: 'Add an internal audit, or a certification body’s audit of a certificate (coordinator)',
      tag,
      access: 'signed-in',
      body: contract.createAuditBody,
      response: contract.auditViewSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) =>
        auditResponse(services, actor, await createAudit(services, actor, body), 201),
    }),
    defineRoute({
      name: 'audits-get',
      method: 'GET',
      path: '/audits/{id}',
      summary: 'An audit with its checklist, report, auditor independence warnings and the caller’s abilities',
      tag,
      access: 'signed-in',
      params: idParams,
      response: contract.auditViewSchema,
      handler: async ({ actor, services, params }) => json(await getAuditView(services, actor, params.id)),
    }),
    defineRoute({
      name: 'audits-update',
      method: 'PATCH',
      path: '/audits/{id}',
      summary: 'Change an audit’s scope, criteria, auditors, date, unit, clauses or procedures (If-Match)',
      tag,
      access: 'signed-in',
      conditional: true,
      params: idParams,
      body: contract.updateAuditBody,
      response: contract.auditViewSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        auditResponse(
          services,
          actor,
          await updateAudit(services, actor, { auditId: params.id, etag: etag(), changes: body }),
        ),
    }),
    defineRoute({
      name: 'audits-status',
      method: 'POST',
      path: '/audits/{id}/status',
      summary: 'Start, cancel or reopen an audit (If-Match); refused with INVALID_STATE where the status forbids it',
      tag,
      access: 'signed-in',
      conditional: true,
      params: idParams,
      body: contract.auditStatusBody,
      response: contract.auditViewSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        auditResponse(
          services,
          actor,
          await changeAuditStatus(services, actor, { auditId: params.id, etag: etag(), command: body.command }),
        ),
    }),
    defineRoute({
      name: 'audits-report',
      method: 'PUT',
      path: '/audits/{id}/report',
      summary: 'Write or amend the audit report; the audit becomes reported (If-Match)',
      tag,
      access: 'signed-in',
      conditional: true,
      params: idParams,
      body: contract.reportAuditBody,
      response: contract.auditViewSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        auditResponse(
          services,
          actor,
          await reportAudit(services, actor, { auditId: params.id, etag: etag(), ...body }),
        ),
    }),
    defineRoute({
      name: 'audits-report-correct',
      method: 'POST',
      path: '/audits/{id}/report/corrections',
      summary:
        '"Ret rapport": correct a reported audit’s report with a reason (coordinator or lead auditor; If-Match: the audit’s etag). The reported original stays locked and readable; findings are added or withdrawn, never copied',
      tag,
      access: 'signed-in',
      conditional: true,
      params: idParams,
      body: contract.correctAuditReportBody,
      response: contract.auditReportCorrectionSchema,
      successStatus: 201,
      handler: async ({ actor, services, params, body, etag }) => {
        const { audit, revision } = await correctAuditReport(services, actor, {
          auditId: params.id,
          etag: etag(),
          ...body,
        });
        const { revisions } = await listReportRevisions(services, audit.id);
        return json(
          {
            audit: (await auditViews(services, actor, [audit]))[0],
            revision: revisions.find((each) => each.id === revision.subjectId),
          },
          201,
        );
      },
    }),
    defineRoute({
      name: 'audits-report-revisions',
      method: 'GET',
      path: '/audits/{id}/report/revisions',
      summary:
        'The reported audit’s report revisions, oldest first: the original and each correction, with their reasons and links',
      tag,
      access: 'signed-in',
      params: idParams,
      response: contract.auditReportRevisionsSchema,
      handler: async ({ services, params }) => json(await listReportRevisions(services, params.id)),
    }),
    defineRoute({
      name: 'audits-checklist-add',
      method: 'POST',
      path: '/audits/{id}/checklist',
      summary: 'Add a checklist question for a clause or a procedure (If-Match: the audit’s etag)',
      tag,
      access: 'signed-in',
      conditional: true,
      params: idParams,
      body: contract.addChecklistLineBody,
      response: contract.auditViewSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        auditResponse(
          services,
          actor,
          await editChecklist(services, actor, { auditId: params.id, etag: etag(), edit: { kind: 'add', ...body } }),
        ),
    }),
    defineRoute({
      name: 'audits-checklist-start',
      method: 'POST',
      path: '/audits/{id}/checklist/start',
      summary: 'Start the checklist: one default question per clause and procedure of the audit (If-Match)',
      tag,
      access: 'signed-in',
      conditional: true,
      params: idParams,
      response: contract.auditViewSchema,
      handler: async ({ actor, services, params, etag }) =>
        auditResponse(
          services,
          actor,
          await editChecklist(services, actor, { auditId: params.id, etag: etag(), edit: { kind: 'start' } }),
        ),
    }),
    defineRoute({
      name: 'audits-checklist-update',
      method: 'PATCH',
      path: '/audits/{id}/checklist/{lineId}',
      summary: 'Change a checklist line: question, clause, procedure, result and note (If-Match: the audit’s etag)',
      tag,
      access: 'signed-in',
      conditional: true,
      params: contract.checklistLineParams,
      body: contract.updateChecklistLineBody,
      response: contract.auditViewSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        auditResponse(
          services,
          actor,
          await editChecklist(services, actor, {
            auditId: params.id,
            etag: etag(),
            edit: { kind: 'update', lineId: params.lineId, changes: body },
          }),
        ),
    }),
    defineRoute({
      name: 'audits-checklist-remove',
      method: 'DELETE',
      path: '/audits/{id}/checklist/{lineId}',
      summary: 'Remove a checklist line (If-Match: the audit’s etag)',
      tag,
      access: 'signed-in',
      conditional: true,
      params: contract.checklistLineParams,
      response: contract.auditViewSchema,
      handler: async ({ actor, services, params, etag }) =>
        auditResponse(
          services,
          actor,
          await editChecklist(services, actor, {
            auditId: params.id,
            etag: etag(),
            edit: { kind: 'remove', lineId: params.lineId },
          }),
        ),
    }),
    defineRoute({
      name: 'audits-findings-list',
      method: 'GET',
      path: '/audits/{id}/findings',
      summary: 'An audit’s findings with their corrective actions’ status',
      tag,
      access: 'signed-in',
      params: idParams,
      response: contract.findingListSchema,
      handler: async ({ actor, services, params }) => json(await listAuditFindings(services, actor, params.id)),
    }),
    defineRoute({
      name: 'audits-findings-create',
      method: 'POST',
      path: '/audits/{id}/findings',
      summary: 'Record a finding on the certifier’s scale, linked to clause, procedure and unit',
      tag,
      access: 'signed-in',
      params: idParams,
      body: contract.findingBody,
      response: contract.findingViewSchema,
      successStatus: 201,
      handler: async ({ actor, services, params, body }) =>
        findingResponse(services, actor, await createFinding(services, actor, { ...body, auditId: params.id }), 201),
    }),
    defineRoute({
      name: 'audits-findings-import',
      method: 'POST',
      path: '/audits/{id}/findings/import',
      summary:
        'Import a certifier’s findings from CSV (grade;clause;procedure;unit;description;foundOn): preview, or apply all rows or none',
      tag,
      access: 'signed-in',
      params: idParams,
      query: contract.findingImportQuery,
      body: 'binary',
      maxBodyBytes: maxFindingImportBytes,
      response: contract.findingImportResultSchema,
      handler: async ({ actor, services, params, query, body }) =>
        json(
          await importFindings(services, actor, {
            auditId: params.id,
            mode: query.mode,
            bytes: body as unknown as Uint8Array,
          }),
        ),
    }),
    defineRoute({
      name: 'findings-list',
      method: 'GET',
      path: '/findings',
      summary: 'Findings across audits: the open nonconformities (default) or all, optionally of one year',
      tag,
      access: 'signed-in',
      query: contract.findingListQuery,
      response: contract.findingListSchema,
      handler: async ({ actor, services, query }) => json(await listFindings(services, actor, query)),
    }),
    defineRoute({
      name: 'findings-get',
      method: 'GET',
      path: '/findings/{id}',
      summary: 'One finding with its action’s status, with its ETag',
      tag,
      access: 'signed-in',
      params: idParams,
      response: contract.findingViewSchema,
      handler: async ({ actor, services, params }) => json(await getFindingView(services, actor, params.id)),
    }),
    defineRoute({
      name: 'findings-update',
      method: 'PATCH',
      path: '/findings/{id}',
      summary: 'Change a finding (If-Match: its etag)',
      tag,
      access: 'signed-in',
      conditional: true,
      params: idParams,
      body: contract.updateFindingBody,
      response: contract.findingViewSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        findingResponse(
          services,
          actor,
          await updateFinding(services, actor, { findingId: params.id, etag: etag(), changes: body }),
        ),
    }),
    defineRoute({
      name: 'certificates-list',
      method: 'GET',
      path: '/certificates',
      summary: 'Certificates, newest issue first',
      tag,
      access: 'signed-in',
      response: contract.certificateListSchema,
      handler: async ({ actor, services }) => json(await listCertificatesView(services, actor)),
    }),
    defineRoute({
      name: 'certificates-create',
      method: 'POST',
      path: '/certificates',
      summary: 'Register a certificate (body, standard, scope, dates, 3- or 4-year cycle; coordinator)',
      tag,
      access: 'signed-in',
      body: contract.certificateBody,
      response: contract.certificateSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => json(await createCertificate(services, actor, body), 201),
    }),
    defineRoute({
      name: 'certificates-get',
      method: 'GET',
      path: '/certificates/{id}',
      summary: 'One certificate, with its ETag',
      tag,
      access: 'signed-in',
      params: idParams,
      response: contract.certificateSchema,
      handler: async ({ services, params }) => json(await getCertificate(services, params.id)),
    }),
    defineRoute({
      name: 'certificates-update',
      method: 'PATCH',
      path: '/certificates/{id}',
      summary: 'Change a certificate (If-Match: its etag); dates are checked against the cycle',
      tag,
      access: 'signed-in',
      conditional: true,
      params: idParams,
      body: contract.updateCertificateBody,
      response: contract.certificateSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        json(await updateCertificate(services, actor, { certificateId: params.id, etag: etag(), changes: body })),
    }),
    defineRoute({
      name: 'certificates-cycle',
      method: 'GET',
      path: '/certificates/{id}/cycle',
      summary: 'The certifier’s surveillance and recertification audits of the cycle, and which are recorded',
      tag,
      access: 'signed-in',
      params: idParams,
      response: contract.certificateCycleSchema,
      handler: async ({ services, params }) => json(await getCertificateCycle(services, params.id)),
    }),
  ];
}
