/** Error codes the server documents, plus NETWORK (no answer) and UNKNOWN (an answer we cannot read). */
export const knownErrorCodes = [
  'VALIDATION',
  'BAD_JSON',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_DECIDED',
  'INVALID_STATE',
  'DUPLICATE',
  'RECORD_LOCKED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNSAFE_DOCUMENT',
  'PRECONDITION_REQUIRED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
  'NETWORK',
  'UNKNOWN',
] as const;
export type ErrorCode = (typeof knownErrorCodes)[number];

/** Every failed request becomes this one error type, thrown from the HTTP client only. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(input: { status: number; code: string; message: string; details?: Record<string, unknown> | undefined }) {
    super(input.message);
    this.name = 'ApiRequestError';
    this.status = input.status;
    this.code = (knownErrorCodes as readonly string[]).includes(input.code) ? (input.code as ErrorCode) : 'UNKNOWN';
    this.details = input.details ?? {};
  }

  /** CONFLICT because someone else changed the procedure since it was read (a stale If-Match). */
  get isStale(): boolean {
    return this.code === 'CONFLICT' && this.details['reason'] === 'stale';
  }
}

export function asApiRequestError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiRequestError({ status: 0, code: 'UNKNOWN', message });
}
