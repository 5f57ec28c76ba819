import { describe, expect, it } from 'vitest';
import { runAsUser, userOrAppTokens } from './graph-auth.js';

const app = { tenantId: 't', clientId: 'c', clientSecret: 's' };

describe('userOrAppTokens', () => {
  it('uses app-only outside a user request and on-behalf-of inside one, one credential per user token', async () => {
    const created: string[] = [];
    const tokens = userOrAppTokens(app, {
      appOnly: async () => 'app-token',
      onBehalfOf: (assertion) => {
        created.push(assertion);
        return async (scopes) => `obo(${assertion}, ${scopes.join(' ')})`;
      },
    });
    const scopes = ['https://graph.microsoft.com/.default'];
    expect(await tokens(scopes)).toBe('app-token');
    expect(await runAsUser('user-a', () => tokens(scopes))).toBe('obo(user-a, https://graph.microsoft.com/.default)');
    expect(await runAsUser('user-a', () => tokens(scopes))).toContain('user-a');
    expect(await runAsUser('user-b', () => tokens(scopes))).toContain('user-b');
    expect(created).toEqual(['user-a', 'user-b']);
    expect(await tokens(scopes)).toBe('app-token');
  });

  it('keeps concurrent requests apart', async () => {
    const tokens = userOrAppTokens(app, { appOnly: async () => 'app', onBehalfOf: (a) => async () => a });
    const results = await Promise.all(
      ['x', 'y', 'z'].map((user) =>
        runAsUser(user, async () => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
          return tokens([]);
        }),
      ),
    );
    expect(results).toEqual(['x', 'y', 'z']);
  });
});
