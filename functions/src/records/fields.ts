import { z } from 'zod';
import { isLocalDate, type LocalDate } from '../core/local-date.js';

/** Zod pieces the declarations share. */

/** A calendar date (YYYY-MM-DD), typed as core's branded LocalDate. */
export const localDate = z.string().refine(isLocalDate, 'A calendar date YYYY-MM-DD') as unknown as z.ZodType<
  LocalDate,
  LocalDate
>;
/** An instant as the app writes it (ISO 8601). */
export const instantText = z.string().min(1);
export const id = z.string().min(1);

/** A value kept whole as JSON whose shape is the domain type's (validated where it is written). */
export const jsonOf = <T>() => z.custom<T>(() => true);

/** The four fields of a record with optimistic concurrency, and how SQLite keeps them. */
export const versionedFields = {
  createdAt: instantText,
  updatedAt: instantText,
  updatedBy: id,
  etag: z.number().int().min(0),
};
export const versionedSqlite = [
  ['createdAt', 'created_at', 'text'],
  ['updatedAt', 'updated_at', 'text'],
  ['updatedBy', 'updated_by', 'text'],
  ['etag', 'etag', 'integer'],
] as const;
