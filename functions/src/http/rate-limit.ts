import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../core/errors.js';

/**
 * Request limits: per signed-in person on every signed-in route, per address on the routes
 * without sign-in, and per address on failed sign-ins (a token or identity that is refused), so
 * neither a script with a stolen session nor a guesser can flood the service. The numbers are far
 * above what a person clicking through the tab sends (a scene loads 2–8 requests) and are set
 * per host with RATE_LIMIT_PER_PERSON / RATE_LIMIT_PER_ADDRESS (requests a minute).
 *
 * The counters live in the process's memory (rate-limiter-flexible's RateLimiterMemory): each
 * Azure Functions instance counts on its own, so a scaled-out app allows the limit once per
 * instance. That bounds abuse per instance, which is what protects the instance; a shared store
 * (e.g. Redis) would make it global.
 */
export type RateLimitSettings = {
  /** Requests a minute by one signed-in person. */
  perPersonPerMinute: number;
  /** Requests a minute from one address to routes without sign-in. */
  perAddressPerMinute: number;
  /** Refused sign-ins a minute from one address before it must wait. */
  failedSignInsPerMinute: number;
};

export const defaultRateLimits: RateLimitSettings = {
  perPersonPerMinute: 1200,
  perAddressPerMinute: 300,
  failedSignInsPerMinute: 60,
};

export type RateLimiter = {
  /** Counts one request by a signed-in person; RATE_LIMITED past the limit. */
  person(personId: string): Promise<void>;
  /** Counts one request to a route without sign-in; `perMinute` overrides the default for that route. */
  address(address: string, perMinute?: number): Promise<void>;
  /** RATE_LIMITED while the address has used up its failed sign-ins. */
  ensureSignInAllowed(address: string): Promise<void>;
  /** Counts a refused sign-in from the address. */
  signInFailed(address: string): Promise<void>;
};

export function createRateLimiter(settings: RateLimitSettings = defaultRateLimits): RateLimiter {
  const minute = 60;
  const perPerson = new RateLimiterMemory({
    keyPrefix: 'person',
    points: settings.perPersonPerMinute,
    duration: minute,
  });
  const perAddress = new Map<number, RateLimiterMemory>();
  const addressLimiter = (points: number) => {
    let limiter = perAddress.get(points);
    if (!limiter) {
      limiter = new RateLimiterMemory({ keyPrefix: `address-${points}`, points, duration: minute });
      perAddress.set(points, limiter);
    }
    return limiter;
  };
  const failedSignIns = new RateLimiterMemory({
    keyPrefix: 'sign-in',
    points: settings.failedSignInsPerMinute,
    duration: minute,
  });

  return {
    person: (personId) => consume(perPerson, personId),
    address: (address, perMinute) => consume(addressLimiter(perMinute ?? settings.perAddressPerMinute), address),
    ensureSignInAllowed: async (address) => {
      const state = await failedSignIns.get(address);
      if (state !== null && state.consumedPoints >= settings.failedSignInsPerMinute) throw limited(state);
    },
    signInFailed: async (address) => {
      await failedSignIns.penalty(address, 1);
    },
  };
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw limited(rejection);
    throw rejection;
  }
}

function limited(state: RateLimiterRes): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  return new AppError('RATE_LIMITED', `Too many requests; try again in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
  });
}
