import type { HttpRequest } from '@azure/functions';

/**
 * Where a request came from, for the limits on routes without sign-in and on failed sign-ins.
 *
 * The local host knows the socket's address and records it here (a client cannot set it: it is
 * no header). Behind Azure Functions the platform's front end appends the caller's address to
 * X-Forwarded-For; the last entry is the one it added, any earlier ones are the client's own
 * claims and are ignored.
 */
const socketAddresses = new WeakMap<HttpRequest, string>();

export function recordSocketAddress(request: HttpRequest, address: string | undefined): void {
  socketAddresses.set(request, address ?? 'unknown');
}

export function clientAddress(request: HttpRequest): string {
  const fromSocket = socketAddresses.get(request);
  if (fromSocket !== undefined) return fromSocket;
  const forwarded = request.headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last ? withoutPort(last) : 'unknown';
}

/** "203.0.113.7:50123" → "203.0.113.7", "[2001:db8::1]:443" → "2001:db8::1"; a bare IPv6 stays as it is. */
export function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4 ? v4[1]! : address;
}
