import type { z } from 'zod';
import type {
  assessItemBody,
  changeItemStatusBody,
  interimReplyBody,
  registerListQuery,
  registerReportBody,
  registerStatisticsQuery,
  replyBody,
  startRegisterActionBody,
  updateHandlingBody,
} from '../../../functions/src/contract/register-schemas';
import type { TypedClient } from './typed-client';

export type {
  RegisterItemDetailDto,
  RegisterListDto,
  RegisterRowDto,
  RegisterSettingsDto,
  RegisterStatisticsDto,
} from '../../../functions/src/contract/register-schemas';
/** Request bodies and queries as sent (the server validates them again). */
export type RegisterReportBody = z.input<typeof registerReportBody>;
export type RegisterListQuery = z.input<typeof registerListQuery>;
export type RegisterStatisticsQuery = z.input<typeof registerStatisticsQuery>;
export type AssessItemBody = z.input<typeof assessItemBody>;
export type ChangeItemStatusBody = z.input<typeof changeItemStatusBody>;
export type UpdateHandlingBody = z.input<typeof updateHandlingBody>;
export type InterimReplyBody = z.input<typeof interimReplyBody>;
export type ReplyBody = z.input<typeof replyBody>;
export type StartRegisterActionBody = z.input<typeof startRegisterActionBody>;

type Versioned = { id: string; etag: string };

/** The register (issue 15): reports, the list, an item's handling, statistics and settings. */
export function createRegisterApi(api: TypedClient) {
  return {
    reportToRegister: (body: RegisterReportBody) => api.call('register-report', { body }),
    listRegister: (query: RegisterListQuery, signal?: AbortSignal) => api.call('register-list', { query, signal }),
    getRegisterItem: (id: string, signal?: AbortSignal) => api.call('register-get', { params: { id }, signal }),
    assessRegisterItem: (item: Versioned, body: AssessItemBody) =>
      api.call('register-assess', { params: { id: item.id }, body, ifMatch: item.etag }),
    changeRegisterStatus: (item: Versioned, body: ChangeItemStatusBody) =>
      api.call('register-status', { params: { id: item.id }, body, ifMatch: item.etag }),
    updateRegisterHandling: (item: Versioned, body: UpdateHandlingBody) =>
      api.call('register-handling', { params: { id: item.id }, body, ifMatch: item.etag }),
    sendInterimReply: (item: Versioned, body: InterimReplyBody) =>
      api.call('register-interim-reply', { params: { id: item.id }, body, ifMatch: item.etag }),
    sendRegisterReply: (item: Versioned, body: ReplyBody) =>
      api.call('register-reply', { params: { id: item.id }, body, ifMatch: item.etag }),
    startRegisterAction: (item: Versioned, body: StartRegisterActionBody) =>
      api.call('register-start-action', { params: { id: item.id }, body, ifMatch: item.etag }),
    getRegisterStatistics: (query: RegisterStatisticsQuery, signal?: AbortSignal) =>
      api.call('register-statistics', { query, signal }),
    getRegisterSettings: (signal?: AbortSignal) => api.call('register-settings-get', { signal }),
  };
}
