/**
 * The one error type of the product. Every failure that reaches a user is an AppError with a
 * code from the catalogue below; the HTTP edge maps the code to a status once (see
 * `http/error-response.ts`), and the tab translates the code into the user's language.
 *
 * `message` is written for logs and API clients (English, precise); `details` carries the
 * structured facts a client needs to explain the error (who changed what, which field failed).
 */
export const errorCatalogue = {
  VALIDATION: { status: 400, description: 'The request does not match the schema; details name the fields.' },
  BAD_JSON: { status: 400, description: 'The request body is not valid JSON.' },
  UNAUTHENTICATED: { status: 401, description: 'No valid identity was presented.' },
  FORBIDDEN: { status: 403, description: 'The signed-in person may not do this.' },
  NOT_FOUND: { status: 404, description: 'No such resource, or it is not visible to the signed-in person.' },
  METHOD_NOT_ALLOWED: { status: 405, description: 'The path exists but not with this method.' },
  CONFLICT: {
    status: 409,
    description: 'The resource changed since it was read (stale If-Match) or is in a state that forbids this.',
  },
  ALREADY_DECIDED: { status: 409, description: 'The approval was already decided; details hold the decision.' },
  INVALID_STATE: {
    status: 409,
    description:
      'The record is in a state that forbids this step (e.g. closing a corrective action without an effective check); details name the state.',
  },
  RECORD_LOCKED: {
    status: 409,
    description:
      'The record is published or reported and locked: it is neither edited nor removed; a correction is a new, linked record with its reason. details: kind, id, correctedById.',
  },
  DUPLICATE: { status: 409, description: 'A resource with this unique key (e.g. procedure code) exists.' },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The body or file is larger than allowed.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    description: 'The file is not a .docx, .pdf or .md document (checked by content, not by name).',
  },
  UNSAFE_DOCUMENT: {
    status: 422,
    description:
      'The file was refused for what it contains: active content (macros, scripts, embedded programs) or an archive that unpacks beyond the limits; details.reason names which.',
  },
  PRECONDITION_REQUIRED: { status: 428, description: 'A write needs an If-Match header with the ETag that was read.' },
  RATE_LIMITED: {
    status: 429,
    description: 'Too many requests in a short time; Retry-After says how many seconds to wait.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    description: 'The service is not configured on this host (e.g. the bot endpoint without a bot registration).',
  },
  INTERNAL: { status: 500, description: 'An unexpected error; it is logged with a correlation id.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
