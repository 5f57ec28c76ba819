import azureFunctions from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { clientAddress, recordSocketAddress, withoutPort } from './client-address.js';

const { HttpRequest } = azureFunctions;
const request = (headers: Record<string, string> = {}) =>
  new HttpRequest({ method: 'GET', url: 'https://kh.example.dk/api/health', headers });

describe('client address', () => {
  it('takes the socket’s address where the host recorded it, whatever the headers claim', () => {
    const forged = request({ 'x-forwarded-for': '10.0.0.1' });
    recordSocketAddress(forged, '127.0.0.1');
    expect(clientAddress(forged)).toBe('127.0.0.1');
  });

  it('behind Azure, takes the last X-Forwarded-For entry (the one the front end added)', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '1.2.3.4, 203.0.113.7:50123' }))).toBe('203.0.113.7');
    expect(clientAddress(request({ 'x-forwarded-for': '[2001:db8::1]:443' }))).toBe('2001:db8::1');
    expect(clientAddress(request())).toBe('unknown');
  });

  it.each([
    ['203.0.113.7:50123', '203.0.113.7'],
    ['203.0.113.7', '203.0.113.7'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
  ])('%s without its port is %s', (input, expected) => {
    expect(withoutPort(input)).toBe(expected);
  });
});
