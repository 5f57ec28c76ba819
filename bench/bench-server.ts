import type { RateLimitSettings } from '../functions/src/http/rate-limit.js';
import { startLocalServer, type LocalServer } from '../functions/src/hosts/local/server.js';

/**
 * Request limits for benchmarks: a benchmark sends thousands of requests a minute as one person
 * from one address, far above the limits that protect the real service (http/rate-limit.ts),
 * which would answer 429 and stop the run. Failed sign-ins keep their limit (no bench fails them).
 * Routes with their own limit (the bot's /api/messages: 3,000 a minute per address) keep it.
 */
export const benchRateLimits: RateLimitSettings = {
  perPersonPerMinute: 1_000_000,
  perAddressPerMinute: 1_000_000,
  failedSignInsPerMinute: 60,
};

/** The local host on a free loopback port for a benchmark: demo municipality, quiet, limits lifted. */
export function startBenchServer(
  options: Parameters<typeof startLocalServer>[0] & { dataDir: string },
): Promise<LocalServer> {
  return startLocalServer({
    port: 0,
    host: '127.0.0.1',
    seedDemo: true,
    quiet: true,
    ...options,
    rateLimits: benchRateLimits,
  });
}
