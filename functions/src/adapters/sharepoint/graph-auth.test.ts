import type { AccessToken, TokenCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import * as graphAuth from './graph-auth.js';

describe('graph-auth', () => {
  it('hands out the credential’s token for the scopes asked, and names the scopes when none is issued', async () => {
    const asked: string[][] = [];
    const credential: TokenCredential = {
      getToken: async (scopes) => {
        asked.push([scopes].flat());
        return { token: 'app-token', expiresOnTimestamp: Date.now() + 3_600_000 } satisfies AccessToken;
      },
    };
    const tokens = graphAuth.tokenProviderFrom(credential);
    expect(await tokens(['https://graph.microsoft.com/.default'])).toBe('app-token');
    expect(asked).toEqual([['https://graph.microsoft.com/.default']]);
    const none = graphAuth.tokenProviderFrom({ getToken: async () => null });
    await expect(none(['https://graph.microsoft.com/.default'])).rejects.toThrow(
      'No Graph token was issued for https://graph.microsoft.com/.default.',
    );
  });

  it('offers app-only sign-in and nothing on behalf of a user', () => {
    expect(Object.keys(graphAuth).sort()).toEqual(['appOnly', 'tokenProviderFrom']);
  });
});
