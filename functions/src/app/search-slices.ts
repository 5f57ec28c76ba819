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
