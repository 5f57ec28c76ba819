/**
 * The API contract's types, re-exported for the tab. Types only: the tab bundle must not pull in
 * zod or any server code, and `import type` guarantees it is erased at build time.
 */
export type {
  Abilities,
  AcknowledgementReport,
  ApprovalComparisonDto,
  ApprovalDto,
  ComparedBlock,
  ApproverCandidatesDto,
  CreateProcedureBody,
  MeDto,
  MyTasks,
  PersonDto,
  PersonRef,
  ProcedureDetail,
  ProcedureList,
  ProcedureListItem,
  RenderedVersion,
  ReviewBody,
  ReviewDto,
  SearchResult,
  SignInDto,
  SubmitBody,
  UnitDto,
  UpdateProcedureBody,
  VersionDto,
} from '../../../functions/src/contract/schemas';
export type { ProcedureSortKey, ProcedureStatusFilter } from '../../../functions/src/app/ports';
export type { ProcessLevel, Role } from '../../../functions/src/core/types';
import type { ProcessLevel } from '../../../functions/src/core/types';

export type AreaSummary = { areas: { level: ProcessLevel; area: string; count: number }[] };

import type { z } from 'zod';
import type {
  AddCompetenceRequirementBody,
  competenceGapReportSchema,
  competenceListSchema,
  competenceRequirementSchema,
  competenceSchema,
  CompetenceMatrixDto,
  MatrixCellDto,
  ProcedureCompetencesDto,
  matrixImportResultSchema,
} from '../../../functions/src/contract/schemas';
export type { AddCompetenceRequirementBody, CompetenceMatrixDto, MatrixCellDto, ProcedureCompetencesDto };
export type CompetenceList = z.infer<typeof competenceListSchema>;
export type CompetenceRequirementDto = z.infer<typeof competenceRequirementSchema>;
export type ProcedureRequirementDto = ProcedureCompetencesDto['requirements'][number];
export type CompetenceDto = z.infer<typeof competenceSchema>;
export type CompetenceGapReport = z.infer<typeof competenceGapReportSchema>;
export type CompetenceLevel = MatrixCellDto['level'];
export type MatrixImportResult = z.infer<typeof matrixImportResultSchema>;

export type {
  CreateOccurrenceBody,
  OccurrenceDto,
  UpdateOccurrenceBody,
  YearWheelDto,
  YearWheelGeneratedDto,
} from '../../../functions/src/contract/year-wheel-schemas';
export type { OccurrenceKind } from '../../../functions/src/core/quality-year-types';
