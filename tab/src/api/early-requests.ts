/**
 * Early requests (issue 12, speed): an inline script in index.html starts the first GETs of a
 * visit (sign-in, the session, the handbook's lists) while the JavaScript is still downloading,
 * and leaves their response promises in `window.__khEarlyRequests`, keyed by
 * `<X-Local-User>|<path with its query parameters sorted>`. The HTTP client takes a matching
 * response once instead of asking again; anything not taken within a few seconds is ignored, so a
 * later visit to the same page always reads fresh data.
 */
export type EarlyRequest = { at: number; response: Promise<Response> };
export type EarlyRequests = Map<string, EarlyRequest>;

/** Where index.html's inline script leaves the requests it started. */
export function earlyRequestsOfPage(): EarlyRequests | undefined {
  if (typeof window === 'undefined') return undefined;
  return (window as Window & { __khEarlyRequests?: EarlyRequests }).__khEarlyRequests;
}

/** Older early responses are not used: the page has been open for a while by then. */
export const earlyRequestMaxAgeMs = 10_000;

/** The path with its query parameters in name order, so both sides build the same key. */
export function canonicalPath(url: string): string {
  const parsed = new URL(url, 'http://tab.invalid');
  const params = [...parsed.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return query ? `${parsed.pathname}?${query}` : parsed.pathname;
}

export function earlyRequestKey(url: string, localUser: string | null | undefined): string {
  return `${localUser ?? ''}|${canonicalPath(url)}`;
}

/**
 * The early response for a GET of `url` with these request headers, at most once; null when the
 * inline script did not ask for it (other person, other filters, production) or it is too old.
 */
export function takeEarlyResponse(
  url: string,
  headers: Readonly<Record<string, string>>,
  early: EarlyRequests | undefined = earlyRequestsOfPage(),
  now: number = Date.now(),
): Promise<Response> | null {
  if (!early || early.size === 0 || headers['Authorization']) return null;
  const key = earlyRequestKey(url, headers['X-Local-User']);
  const entry = early.get(key);
  if (!entry) return null;
  early.delete(key);
  return now - entry.at <= earlyRequestMaxAgeMs ? entry.response : null;
}
