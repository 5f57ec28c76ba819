/**
 * Pacing and retries for proactive messages. Teams throttles bots (per bot, per conversation
 * and per tenant) and answers 429 with a Retry-After; the Bot Connector also answers 412, 502,
 * 503 and 504 for conditions that pass. `createPacedSender` wraps any send function so that:
 *
 * - attempts start at most `maxPerSecond` per second, evenly spaced (a token bucket refilled at
 *   `maxPerSecond` tokens a second, holding `burst` tokens, 1 by default), retries included;
 * - a retryable failure is tried again up to `maxRetries` times, after an exponential backoff
 *   with jitter, or after the server's Retry-After when it gives one; a Retry-After also holds
 *   back every other message through the same sender, since the throttle is not per message;
 * - every other failure (400, 401, 403, 404, …) is thrown at once: trying again cannot help.
 *
 * Time is injected (`now`, `sleep`), so tests run without waiting.
 */

export type PacedSenderOptions = {
  maxPerSecond?: number;
  /** Attempts that may start back to back after an idle spell; 1 spaces every attempt evenly. */
  burst?: number;
  maxRetries?: number;
  /** First backoff step; doubles per retry up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the failure is thrown instead. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** In [0, 1); the jitter's source. */
  random?: () => number;
  onRetry?: (retry: { attempt: number; delayMs: number; status: number | undefined; error: unknown }) => void;
};

export const retryableStatuses: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);
/** Transport failures with no HTTP status that are worth another try. */
const retryableNetworkCodes: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPacedSender<Message, Result>(
  send: (message: Message) => Promise<Result>,
  options: PacedSenderOptions = {},
): (message: Message) => Promise<Result> {
  const {
    maxPerSecond = 25,
    burst = 1,
    maxRetries = 5,
    baseDelayMs = 500,
    maxDelayMs = 30_000,
    maxRetryAfterMs = 120_000,
    sleep = realSleep,
    now = Date.now,
    random = Math.random,
    onRetry,
  } = options;
  if (!(maxPerSecond > 0)) throw new RangeError(`maxPerSecond must be positive: ${maxPerSecond}`);
  if (!Number.isInteger(burst) || burst < 1) throw new RangeError(`burst must be a whole number ≥ 1: ${burst}`);
  const interval = 1000 / maxPerSecond;
  const tolerance = (burst - 1) * interval;
  // Generic cell rate algorithm: `nextSlot` is when the bucket would be full again; an attempt
  // may start once it is no more than `tolerance` ahead. Slots are reserved synchronously, so
  // concurrent callers queue in call order.
  let nextSlot = -Infinity;
  let pausedUntil = -Infinity;

  async function takeToken(): Promise<void> {
    const current = now();
    const startAt = Math.max(current, nextSlot - tolerance, pausedUntil);
    nextSlot = Math.max(nextSlot, startAt) + interval;
    if (startAt > current) await sleep(startAt - current);
  }

  return async (message) => {
    for (let attempt = 0; ; attempt++) {
      await takeToken();
      try {
        return await send(message);
      } catch (error) {
        const status = statusOf(error);
        if (attempt >= maxRetries || !isRetryable(error, status)) throw error;
        const retryAfterMs = retryAfterOf(error, now());
        if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) throw error;
        let delayMs: number;
        if (retryAfterMs !== undefined) {
          delayMs = retryAfterMs;
          pausedUntil = Math.max(pausedUntil, now() + retryAfterMs);
        } else {
          // "Equal jitter": half the step fixed, half random, so retries spread without a zero wait.
          const step = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
          delayMs = step / 2 + random() * (step / 2);
        }
        onRetry?.({ attempt: attempt + 1, delayMs, status, error });
        await sleep(delayMs);
      }
    }
  };
}

type ErrorShape = {
  status?: unknown;
  statusCode?: unknown;
  code?: unknown;
  retryAfter?: unknown;
  headers?: unknown;
  response?: { status?: unknown; headers?: unknown };
};

function shape(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
}

/** The HTTP status an error carries: `status`, `statusCode` or `response.status`. */
export function statusOf(error: unknown): number | undefined {
  const { status, statusCode, response } = shape(error);
  for (const candidate of [status, statusCode, response?.status]) {
    if (typeof candidate === 'number' && Number.isInteger(candidate)) return candidate;
  }
  return undefined;
}

function isRetryable(error: unknown, status: number | undefined): boolean {
  if (status !== undefined) return retryableStatuses.has(status);
  const { code } = shape(error);
  return typeof code === 'string' && retryableNetworkCodes.has(code);
}

/**
 * The wait the server asked for, in milliseconds: `retryAfter` (seconds) on the error, or a
 * Retry-After header (seconds or an HTTP date) on `headers` or `response.headers`.
 */
export function retryAfterOf(error: unknown, nowMs: number): number | undefined {
  const { retryAfter, headers, response } = shape(error);
  if (typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
  const header = headerValue(headers, 'retry-after') ?? headerValue(response?.headers, 'retry-after');
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const value = (headers as { get(name: string): unknown }).get(name);
    return typeof value === 'string' ? value : undefined;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  }
  return undefined;
}
