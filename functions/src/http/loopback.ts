/**
 * Whether a request reached this process over loopback (127.0.0.0/8, ::1). Only a host that sees
 * the socket knows it; the local host marks the request object it builds, out of band. No header
 * can carry this fact: a client can send any header, and the Azure Functions host has no socket
 * to look at, so a request it hands over is never loopback.
 */
const overLoopback = new WeakSet<object>();

/** Called by a host that read the socket's remote address; never from anything a client sent. */
export function markLoopback(request: object): void {
  overLoopback.add(request);
}

export function cameOverLoopback(request: object): boolean {
  return overLoopback.has(request);
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (::ffff:127.0.0.1), as node:net reports them. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}
