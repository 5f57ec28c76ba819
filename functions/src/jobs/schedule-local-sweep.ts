import type { Clock } from '../app/ports.js';
import { defaultSweepHour, nextSweepAt } from '../core/reminder-schedule.js';

export type LocalSweepSchedule = {
  timeZone?: string;
  hour?: number;
  /** A failed sweep is reported here; the schedule carries on with the next day. */
  onError?: (error: unknown) => void;
  setTimer?: (run: () => void, ms: number) => { unref?(): unknown };
  clearTimer?: (timer: { unref?(): unknown }) => void;
};

/**
 * Local mode's timer: runs `run` at the next 06:00 in the municipality's time zone and then
 * every day at 06:00, recomputed each time so the clock changes keep it at 06:00. The timer
 * is unref'd (it never keeps the process alive). Returns a function that stops the schedule.
 */
export function scheduleLocalSweep(
  run: () => Promise<unknown>,
  clock: Clock,
  options: LocalSweepSchedule = {},
): () => void {
  const timeZone = options.timeZone ?? 'Europe/Copenhagen';
  const hour = options.hour ?? defaultSweepHour;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let timer: { unref?(): unknown } | undefined;
  let isStopped = false;
  // Never earlier than the run just made, so a timer that fires a moment early cannot run twice.
  let notBefore = clock.now().getTime();

  const arm = () => {
    if (isStopped) return;
    const now = clock.now();
    const at = nextSweepAt(new Date(Math.max(now.getTime(), notBefore)), timeZone, hour);
    timer = setTimer(() => void fire(at.getTime()), Math.max(0, at.getTime() - now.getTime()));
    timer.unref?.();
  };
  const fire = async (scheduledAt: number) => {
    notBefore = scheduledAt;
    try {
      await run();
    } catch (error) {
      options.onError?.(error);
    }
    arm();
  };

  arm();
  return () => {
    isStopped = true;
    if (timer) clearTimer(timer);
  };
}
