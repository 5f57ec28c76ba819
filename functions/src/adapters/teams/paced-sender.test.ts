import { describe, expect, it } from 'vitest';
import { createPacedSender, retryAfterOf, statusOf, type PacedSenderOptions } from './paced-sender.js';

/**
 * A clock that only moves when someone sleeps: `sleep` queues a wake-up, and `settle` runs the
 * queue in time order until the awaited work is done. Nothing waits in real time.
 */
function fakeTime() {
  let current = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  const sleeps: number[] = [];
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => current,
    sleeps,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        sleeps.push(ms);
        sleepers.push({ at: current + ms, wake });
      }),
    async settle<T>(work: Promise<T>): Promise<T> {
      let done = false;
      const outcome = work.finally(() => (done = true));
      outcome.catch(() => undefined);
      while (!done) {
        await flush();
        if (done) break;
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers.shift();
        if (!next) continue;
        current = Math.max(current, next.at);
        next.wake();
      }
      return outcome;
    },
  };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly extra: { retryAfter?: number; headers?: Record<string, string> | Headers } = {},
  ) {
    super(`HTTP ${status}`);
    Object.assign(this, extra);
  }
}

function setup(
  failures: (attempt: number, message: string) => unknown = () => undefined,
  options: PacedSenderOptions = {},
) {
  const time = fakeTime();
  const attempts: { message: string; at: number }[] = [];
  const send = createPacedSender(
    async (message: string) => {
      attempts.push({ message, at: time.now() });
      const failure = failures(attempts.filter((attempt) => attempt.message === message).length, message);
      if (failure) throw failure;
      return `sent ${message}`;
    },
    { sleep: time.sleep, now: time.now, random: () => 0.5, ...options },
  );
  return { time, attempts, send };
}

/** The most attempts that started within any one-second window. */
function busiestSecond(times: number[]): number {
  let most = 0;
  for (const start of times) most = Math.max(most, times.filter((at) => at >= start && at < start + 1000).length);
  return most;
}

describe('createPacedSender: pacing', () => {
  it('spaces 100 sequential sends to at most 25 a second', async () => {
    const { time, attempts, send } = setup();
    await time.settle(
      (async () => {
        for (let index = 0; index < 100; index++) await send(`m${index}`);
      })(),
    );
    expect(attempts).toHaveLength(100);
    expect(busiestSecond(attempts.map((attempt) => attempt.at))).toBe(25);
    expect(attempts.at(-1)?.at).toBe(99 * 40);
  });

  it('queues concurrent callers in call order at the same pace', async () => {
    const { time, attempts, send } = setup();
    const results = await time.settle(Promise.all(Array.from({ length: 60 }, (_, index) => send(`m${index}`))));
    expect(results[59]).toBe('sent m59');
    expect(attempts.map((attempt) => attempt.message)).toEqual(Array.from({ length: 60 }, (_, index) => `m${index}`));
    expect(busiestSecond(attempts.map((attempt) => attempt.at))).toBe(25);
  });

  it('lets a burst through after an idle spell when asked to, and still keeps the rate', async () => {
    const { time, attempts, send } = setup(undefined, { maxPerSecond: 10, burst: 5 });
    await time.settle(Promise.all(Array.from({ length: 30 }, (_, index) => send(`m${index}`))));
    expect(attempts.slice(0, 5).map((attempt) => attempt.at)).toEqual([0, 0, 0, 0, 0]);
    expect(busiestSecond(attempts.map((attempt) => attempt.at))).toBeLessThanOrEqual(15);
    expect(attempts.at(-1)?.at).toBe(2500);
  });

  it('does not wait at all when sends are slower than the pace', async () => {
    const { time, send } = setup(undefined, { maxPerSecond: 25 });
    await time.settle(send('first'));
    await time.settle(time.sleep(500));
    time.sleeps.length = 0;
    await time.settle(send('second'));
    expect(time.sleeps).toEqual([]);
  });
});

describe('createPacedSender: retries', () => {
  it('honours Retry-After in seconds on the error', async () => {
    const { time, attempts, send } = setup((attempt) => (attempt === 1 ? new HttpError(429, { retryAfter: 7 }) : null));
    expect(await time.settle(send('a'))).toBe('sent a');
    expect(attempts.map((attempt) => attempt.at)).toEqual([0, 7000]);
  });

  it('honours a Retry-After header (Headers or a plain object), and holds back other messages too', async () => {
    const { time, attempts, send } = setup((attempt, message) =>
      message === 'a' && attempt === 1 ? new HttpError(429, { headers: new Headers({ 'Retry-After': '3' }) }) : null,
    );
    await time.settle(send('a'));
    await time.settle(send('b'));
    expect(attempts).toEqual([
      { message: 'a', at: 0 },
      { message: 'a', at: 3000 },
      { message: 'b', at: 3040 },
    ]);

    const plain = setup((attempt) => (attempt < 3 ? new HttpError(503, { headers: { 'retry-after': '2' } }) : null));
    await plain.time.settle(plain.send('c'));
    expect(plain.attempts.map((attempt) => attempt.at)).toEqual([0, 2000, 4000]);
  });

  it.each([412, 429, 502, 503, 504])('retries %i with exponential backoff and jitter', async (status) => {
    const { time, attempts, send } = setup((attempt) => (attempt <= 3 ? new HttpError(status) : null));
    expect(await time.settle(send('a'))).toBe('sent a');
    // base 500 ms doubling, equal jitter with random() = 0.5: 3/4 of each step.
    expect(time.sleeps).toEqual([375, 750, 1500]);
    expect(attempts).toHaveLength(4);
  });

  it('caps the backoff', async () => {
    const { time, send } = setup((attempt) => (attempt <= 5 ? new HttpError(503) : null), {
      maxDelayMs: 2000,
      random: () => 0,
    });
    await time.settle(send('a'));
    expect(time.sleeps).toEqual([250, 500, 1000, 1000, 1000]);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    const { time, attempts, send } = setup(() => new HttpError(503), { maxRetries: 2 });
    await expect(time.settle(send('a'))).rejects.toMatchObject({ status: 503 });
    expect(attempts).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 409, 413, 500])('never retries %i', async (status) => {
    const { time, attempts, send } = setup(() => new HttpError(status));
    await expect(time.settle(send('a'))).rejects.toMatchObject({ status });
    expect(attempts).toHaveLength(1);
  });

  it('retries transport failures without a status, but not unknown errors', async () => {
    const reset = setup((attempt) =>
      attempt === 1 ? Object.assign(new Error('socket'), { code: 'ECONNRESET' }) : null,
    );
    expect(await reset.time.settle(reset.send('a'))).toBe('sent a');
    const unknown = setup(() => new TypeError('bug'));
    await expect(unknown.time.settle(unknown.send('a'))).rejects.toBeInstanceOf(TypeError);
    expect(unknown.attempts).toHaveLength(1);
  });

  it('does not wait for a Retry-After longer than allowed', async () => {
    const { time, attempts, send } = setup(() => new HttpError(429, { retryAfter: 3600 }));
    await expect(time.settle(send('a'))).rejects.toMatchObject({ status: 429 });
    expect(attempts).toHaveLength(1);
  });

  it('counts retries against the pace', async () => {
    const { time, attempts, send } = setup((attempt, message) =>
      message === 'm0' && attempt === 1 ? new HttpError(412) : null,
    );
    await time.settle(Promise.all(Array.from({ length: 40 }, (_, index) => send(`m${index}`))));
    expect(attempts).toHaveLength(41);
    expect(busiestSecond(attempts.map((attempt) => attempt.at))).toBeLessThanOrEqual(25);
  });
});

describe('statusOf and retryAfterOf', () => {
  it('read the shapes SDK errors come in', () => {
    expect(statusOf({ statusCode: 429 })).toBe(429);
    expect(statusOf({ response: { status: 503 } })).toBe(503);
    expect(statusOf(new Error('x'))).toBeUndefined();
    expect(retryAfterOf({ response: { headers: { 'Retry-After': ['5'] } } }, 0)).toBe(5000);
    expect(retryAfterOf({ headers: { 'retry-after': 'Thu, 01 Jan 1970 00:00:10 GMT' } }, 4000)).toBe(6000);
    expect(retryAfterOf({ headers: { 'retry-after': 'soon' } }, 0)).toBeUndefined();
  });
});
