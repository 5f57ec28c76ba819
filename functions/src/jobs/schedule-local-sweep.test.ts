import { describe, expect, it } from 'vitest';
import { scheduleLocalSweep } from './schedule-local-sweep.js';

/** Timers as a list; `fire` moves the fake clock to the timer's moment and runs it. */
function fakeTimers(start: string) {
  let now = new Date(start).getTime();
  const timers: { at: number; run: () => void; cleared: boolean; unrefed: boolean }[] = [];
  return {
    clock: { now: () => new Date(now) },
    timers,
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run, cleared: false, unrefed: false, unref: () => (timer.unrefed = true) };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer: object) => {
      (timer as { cleared: boolean }).cleared = true;
    },
    async fire() {
      const timer = timers.at(-1)!;
      now = timer.at;
      timer.run();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('scheduleLocalSweep', () => {
  it('runs at the next 06:00 Copenhagen time and then every day at 06:00, across the clock change', async () => {
    const time = fakeTimers('2026-03-27T12:00:00Z');
    const runs: string[] = [];
    const stop = scheduleLocalSweep(async () => runs.push(time.clock.now().toISOString()), time.clock, {
      setTimer: time.setTimer,
      clearTimer: time.clearTimer,
    });
    for (let index = 0; index < 3; index++) await time.fire();
    expect(runs).toEqual(['2026-03-28T05:00:00.000Z', '2026-03-29T04:00:00.000Z', '2026-03-30T04:00:00.000Z']);
    expect(time.timers.every((timer) => timer.unrefed)).toBe(true);
    stop();
    expect(time.timers.at(-1)?.cleared).toBe(true);
  });

  it('carries on after a failed sweep and reports the error', async () => {
    const time = fakeTimers('2026-01-10T12:00:00Z');
    const errors: unknown[] = [];
    scheduleLocalSweep(
      async () => {
        throw new Error('disk full');
      },
      time.clock,
      { setTimer: time.setTimer, clearTimer: time.clearTimer, onError: (error) => errors.push(error) },
    );
    await time.fire();
    expect(errors).toHaveLength(1);
    expect(new Date(time.timers.at(-1)!.at).toISOString()).toBe('2026-01-12T05:00:00.000Z');
  });

  it('does not run twice when a timer fires a moment early', async () => {
    const time = fakeTimers('2026-01-10T12:00:00Z');
    scheduleLocalSweep(async () => undefined, time.clock, { setTimer: time.setTimer, clearTimer: time.clearTimer });
    time.timers[0]!.at -= 5; // fires 5 ms before 06:00
    await time.fire();
    expect(new Date(time.timers.at(-1)!.at).toISOString()).toBe('2026-01-12T05:00:00.000Z');
  });

  it('stops without running when stopped first, and works with real timers (unref)', () => {
    const stop = scheduleLocalSweep(async () => undefined, { now: () => new Date() });
    stop();
  });
});
