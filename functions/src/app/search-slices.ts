import { performance } from 'node:perf_hooks';

/** Indexing work between two yields to the event loop, in milliseconds. */
const sliceMs = 10;

/**
 * For long indexing work on the request path's process: `pause()` after each piece yields to the
 * event loop once the current slice has taken `sliceMs`, so other requests are answered meanwhile.
 */
export function createSlicer(): { pause(): Promise<void> } {
  let started = performance.now();
  return {
    async pause() {
      if (performance.now() - started <= sliceMs) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      started = performance.now();
    },
  };
}

/** An index kept current for a store's search stamp, with at most one update running. */
export type StampedState = { stamp: string | null; update: Promise<void> | null };

/**
 * Brings `state` up to the store's current stamp: waits for an update already running, reads the
 * stamp, and runs `update(stamp)` only when it moved (which must set `state.stamp`). Concurrent
 * searches share one update instead of each starting their own.
 */
export async function keepCurrent<S extends StampedState>(
  state: S,
  readStamp: () => Promise<string>,
  update: (stamp: string) => Promise<void>,
): Promise<S> {
  for (;;) {
    if (state.update) {
      await state.update;
      continue;
    }
    const stamp = await readStamp();
    if (state.stamp === stamp) return state;
    // Another request may have started the update while this one asked for the stamp.
    if (state.update) continue;
    const running = update(stamp);
    state.update = running;
    try {
      await running;
    } finally {
      state.update = null;
    }
    return state;
  }
}
