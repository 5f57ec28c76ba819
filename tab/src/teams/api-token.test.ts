import { describe, expect, it, vi } from 'vitest';
import { acquireWithMsal, createApiTokenSource, type Msal } from './api-token';
import type { TeamsHost } from './teams-host';

const settings = {
  clientId: '6f1c2b9e-3d4a-4c8b-9e2f-1a2b3c4d5e6f',
  authority: 'https://login.microsoftonline.com/organizations',
  scopes: ['api://kh.example.dk/6f1c2b9e-3d4a-4c8b-9e2f-1a2b3c4d5e6f/access_as_user'],
};

class NeedsUser extends Error {}

const account = { homeAccountId: 'h', environment: 'login', tenantId: 't', username: 'u', localAccountId: 'l' };

function fakeMsal(options: { silent: () => Promise<string>; popup?: () => Promise<string> }) {
  let active: typeof account | null = null;
  const client = {
    acquireTokenSilent: vi.fn(async () => ({ accessToken: await options.silent(), account })),
    acquireTokenPopup: vi.fn(async () => ({ accessToken: await (options.popup ?? options.silent)(), account })),
    getActiveAccount: () => active,
    setActiveAccount: (next: typeof account | null) => void (active = next),
    getAllAccounts: () => [],
  };
  const msal = { client, needsInteraction: (error: unknown) => error instanceof NeedsUser } as unknown as Msal;
  return { msal, client };
}

function teamsHost(isNestedAuthRecommended: boolean, getAuthToken = async () => 'sso-token'): TeamsHost {
  return {
    locale: null,
    theme: 'default',
    onThemeChange: () => undefined,
    isNestedAuthRecommended,
    getAuthToken: vi.fn(getAuthToken),
  };
}

describe('acquireWithMsal', () => {
  it('gets a token silently and remembers the account', async () => {
    const { msal, client } = fakeMsal({ silent: async () => 'silent-token' });
    expect(await acquireWithMsal(msal, settings.scopes)).toBe('silent-token');
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({ scopes: settings.scopes });
    await acquireWithMsal(msal, settings.scopes);
    expect(client.acquireTokenSilent).toHaveBeenLastCalledWith({ scopes: settings.scopes, account });
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('asks the user in a popup when Entra needs interaction', async () => {
    const { msal, client } = fakeMsal({
      silent: async () => {
        throw new NeedsUser('consent_required');
      },
      popup: async () => 'popup-token',
    });
    expect(await acquireWithMsal(msal, settings.scopes)).toBe('popup-token');
    expect(client.acquireTokenPopup).toHaveBeenCalledTimes(1);
  });

  it('passes other failures on', async () => {
    const { msal, client } = fakeMsal({
      silent: async () => {
        throw new Error('network');
      },
    });
    await expect(acquireWithMsal(msal, settings.scopes)).rejects.toThrow('network');
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });
});

describe('createApiTokenSource', () => {
  it('uses nested app authentication when Teams recommends it', async () => {
    const teams = teamsHost(true);
    const { msal } = fakeMsal({ silent: async () => 'naa-token' });
    const loadMsal = vi.fn(async () => msal);
    const getToken = createApiTokenSource(settings, teams, loadMsal);
    expect(await getToken()).toBe('naa-token');
    expect(await getToken()).toBe('naa-token');
    expect(loadMsal).toHaveBeenCalledTimes(1);
    expect(teams.getAuthToken).not.toHaveBeenCalled();
  });

  it('falls back to Teams SSO, for good, when nested app authentication fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const teams = teamsHost(true);
    const loadMsal = vi.fn(async () => {
      throw new Error('no NAA bridge');
    });
    const getToken = createApiTokenSource(settings, teams, loadMsal);
    expect(await getToken()).toBe('sso-token');
    expect(await getToken()).toBe('sso-token');
    expect(loadMsal).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('uses Teams SSO without loading MSAL where NAA is not recommended', async () => {
    const teams = teamsHost(false);
    const loadMsal = vi.fn();
    expect(await createApiTokenSource(settings, teams, loadMsal)()).toBe('sso-token');
    expect(loadMsal).not.toHaveBeenCalled();
  });

  it('reports a Teams SSO failure', async () => {
    const teams = teamsHost(false, async () => {
      throw new Error('resourceDisabled');
    });
    await expect(createApiTokenSource(settings, teams)()).rejects.toThrow('resourceDisabled');
  });
});
