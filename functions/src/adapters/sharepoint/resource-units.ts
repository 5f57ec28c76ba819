/**
 * SharePoint's throttling budget for an application, in resource units (RU). Microsoft Graph
 * calls have a fixed cost per request, and throttled requests count too:
 * https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
 *
 * | RU | operations                                                                   |
 * | 1  | single item query (get item), delta with a token, download a file's content  |
 * | 2  | multi item query (list children, list items), delta without a token,         |
 * |    | create, update, delete, upload                                               |
 * | 5  | permission operations (including `$expand=permissions`)                      |
 *
 * The per-minute allowance depends on the tenant's licence count and Microsoft may change it;
 * the brief for this adapter budgets 1,250 RU a minute for the smallest tenants (one copy of
 * the page read while writing this shows 1,200), so the default is the lower of the two.
 */
export const smallestTenantRuPerMinute = 1_200;

/** Collections: a GET whose last path segment is one of these is a multi item query (2 RU). */
const collectionSegments = new Set(['lists', 'items', 'columns', 'children', 'drives', 'sites', 'versions', 'delta']);

/** The cost of one Graph request (a `$batch` envelope costs the sum of its sub-requests, counted by the caller). */
export function resourceUnitCost(method: string, url: string): number {
  const parsed = new URL(url, 'https://graph.invalid');
  const path = decodeURIComponent(parsed.pathname).replace(/\/+$/, '');
  const query = decodeURIComponent(parsed.search);
  if (/\/permissions(\/|$)/.test(path) || /expand=[^&]*permissions/.test(query)) return 5;
  if (method.toUpperCase() !== 'GET') return 2;
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (last === 'delta') return /[?&]token=/.test(query) ? 1 : 2;
  if (last === 'content') return 1;
  return collectionSegments.has(last) ? 2 : 1;
}

export type ResourceUnitMeter = {
  /** Records what one request cost, at the time it was sent. */
  record(units: number, at: Date): void;
  /** Units spent in the minute before `at` (a sliding window). */
  spentInLastMinute(at: Date): number;
  /** Milliseconds to wait before `units` more fit in the per-minute budget (0 when they fit now). */
  waitBefore(units: number, at: Date): number;
  readonly total: number;
  readonly requests: number;
  readonly budgetPerMinute: number;
};

export function createResourceUnitMeter(budgetPerMinute = smallestTenantRuPerMinute): ResourceUnitMeter {
  const window: { at: number; units: number }[] = [];
  let total = 0;
  let requests = 0;
  const prune = (now: number) => {
    while (window.length > 0 && window[0]!.at <= now - 60_000) window.shift();
  };
  const spent = (now: number) => {
    prune(now);
    return window.reduce((sum, entry) => sum + entry.units, 0);
  };
  return {
    record(units, at) {
      window.push({ at: at.getTime(), units });
      total += units;
      requests += 1;
    },
    spentInLastMinute: (at) => spent(at.getTime()),
    waitBefore(units, at) {
      const now = at.getTime();
      let over = spent(now) + units - budgetPerMinute;
      if (over <= 0) return 0;
      // Wait until enough of the oldest spending has left the window.
      for (const entry of window) {
        over -= entry.units;
        if (over <= 0) return entry.at + 60_000 - now;
      }
      return 60_000;
    },
    get total() {
      return total;
    },
    get requests() {
      return requests;
    },
    budgetPerMinute,
  };
}
