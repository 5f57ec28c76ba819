import { describe, expect, it } from 'vitest';
import { appOnly, onBehalfOfUser, tokenProviderFrom } from './graph-auth.js';

describe('Graph token providers', () => {
  it('hands out the credential token for the scopes asked, and refuses when none was issued', async () => {
    const asked: string[][] = [];
    const provider = tokenProviderFrom({
      getToken: async (scopes) => {
        asked.push([scopes].flat());
        return asked.length === 1 ? { token: 'graph-token', expiresOnTimestamp: Date.now() + 3_600_000 } : null;
      },
    });
    await expect(provider(['https://graph.microsoft.com/.default'])).resolves.toBe('graph-token');
    await expect(provider(['https://graph.microsoft.com/.default'])).rejects.toThrow(/No Graph token/);
    expect(asked[0]).toEqual(['https://graph.microsoft.com/.default']);
  });

  it('builds on-behalf-of and app-only providers without contacting Entra until a token is needed', () => {
    const app = {
      tenantId: '00000000-0000-0000-0000-000000000001',
      clientId: '00000000-0000-0000-0000-000000000002',
      clientSecret: 'secret',
    };
    expect(typeof onBehalfOfUser(app)('user-assertion')).toBe('function');
    expect(typeof appOnly(app)).toBe('function');
  });
});
