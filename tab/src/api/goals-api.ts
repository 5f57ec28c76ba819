import type { z } from 'zod';
import type {
  caseImportResultSchema,
  caseSourceViewSchema,
  createGoalBody,
  goalListSchema,
  goalViewSchema,
  qualityPolicyViewSchema,
  saveCaseSourceBody,
  saveQualityPolicyBody,
  updateGoalBody,
} from '../../../functions/src/contract/goal-schemas';
import type { TypedClient } from './typed-client';

export type { CasePreviewDto, CaseStatisticsDto, GoalDetailDto } from '../../../functions/src/contract/goal-schemas';
export type GoalListDto = z.infer<typeof goalListSchema>;
export type GoalViewDto = z.infer<typeof goalViewSchema>;
export type QualityPolicyViewDto = z.infer<typeof qualityPolicyViewSchema>;
export type CaseSourceDto = z.infer<typeof caseSourceViewSchema>;
export type CaseImportResultDto = z.infer<typeof caseImportResultSchema>;
/** Request bodies as sent (dates as plain YYYY-MM-DD strings; the server validates them). */
export type CreateGoalBody = z.input<typeof createGoalBody>;
export type UpdateGoalBody = z.input<typeof updateGoalBody>;
export type SaveQualityPolicyBody = z.input<typeof saveQualityPolicyBody>;
export type SaveCaseSourceBody = z.input<typeof saveCaseSourceBody>;
export type CaseFileFormat = 'xlsx' | 'csv';

/** Quality policy, goals and case data (issue 14). Writes carry the ETag read; "0" creates. */
export function createGoalsApi(api: TypedClient) {
  return {
    getQualityPolicy: (signal?: AbortSignal) => api.call('quality-policy-get', { signal }),
    saveQualityPolicy: (etag: number, body: SaveQualityPolicyBody) =>
      api.call('quality-policy-save', { body, ifMatch: `"${etag}"` }),
    listGoals: (signal?: AbortSignal) => api.call('goals-list', { signal }),
    getGoal: (id: string, signal?: AbortSignal) => api.call('goals-get', { params: { id }, signal }),
    createGoal: (body: CreateGoalBody) => api.call('goals-create', { body }),
    updateGoal: (goal: { id: string; etag: number }, body: UpdateGoalBody) =>
      api.call('goals-update', { params: { id: goal.id }, body, ifMatch: `"${goal.etag}"` }),
    listCaseSources: (signal?: AbortSignal) => api.call('case-sources-list', { signal }),
    saveCaseSource: (id: string, etag: number, body: SaveCaseSourceBody) =>
      api.call('case-sources-save', { params: { id }, body, ifMatch: `"${etag}"` }),
    previewCases: (sourceId: string, format: CaseFileFormat, file: Blob) =>
      api.call('case-sources-preview', { params: { id: sourceId }, query: { format }, body: file }),
    importCases: (sourceId: string, format: CaseFileFormat, file: Blob) =>
      api.call('case-sources-import', { params: { id: sourceId }, query: { format }, body: file }),
  };
}
