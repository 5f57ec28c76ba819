import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/src/config.js';
import { startLocalServer } from '../../functions/src/hosts/local/server.js';

/*
 * Issue 10, item 7: local mode has no real sign-in ("Log ind som"), so the local host refuses to
 * listen anywhere but loopback even when a caller passes the host directly (not through HOST).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'kh-exposure-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('startLocalServer in local mode', () => {
  it.each(['0.0.0.0', '::', '192.0.2.10'])(
    'refuses to listen on %s, before binding or opening the data',
    async (host) => {
      const started = startLocalServer({ port: 0, host, mode: 'local', dataDir, seedDemo: false, quiet: true });
      await expect(started).rejects.toBeInstanceOf(ConfigError);
      await expect(started).rejects.toThrow(/HOST=.*loopback/);
      expect(existsSync(join(dataDir, 'kvalitetshaandbog.sqlite'))).toBe(false);
    },
  );

  it('listens on localhost', async () => {
    const server = await startLocalServer({ port: 0, host: 'localhost', mode: 'local', dataDir, seedDemo: false });
    try {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
