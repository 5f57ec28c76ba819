import { describe, expect, it, vi } from 'vitest';
import type { SignInDto } from '../api/contract';
import type { TeamsHost } from '../teams/teams-host';
import { createIdentity, SignInError } from './identity';

const production: SignInDto = {
  mode: 'production',
  clientId: '6f1c2b9e-3d4a-4c8b-9e2f-1a2b3c4d5e6f',
  authority: 'https://login.microsoftonline.com/organizations',
  scopes: ['api://kh.example.dk/6f1c2b9e-3d4a-4c8b-9e2f-1a2b3c4d5e6f/access_as_user'],
};

const teams: TeamsHost = {
  locale: 'da-DK',
  theme: 'default',
  onThemeChange: () => undefined,
  isNestedAuthRecommended: true,
  getAuthToken: async () => 'sso-token',
};

describe('createIdentity', () => {
  it('sends the chosen demo person in local mode and loads no token code', async () => {
    const localUser = { current: 'peter-lund' as string | null };
    const createTokenSource = vi.fn();
    const identity = createIdentity({
      localUser,
      teams,
      fetchSignIn: async () => ({ mode: 'local' }),
      createTokenSource,
    });
    expect(await identity.mode()).toBe('local');
    expect(await identity.headers()).toEqual({ 'X-Local-User': 'peter-lund' });
    localUser.current = null;
    expect(await identity.headers()).toEqual({});
    expect(createTokenSource).not.toHaveBeenCalled();
  });

  it('sends only a bearer token in production, whoever was picked locally before', async () => {
    const fetchSignIn = vi.fn(async () => production);
    let issued = 0;
    const createTokenSource = vi.fn(async () => async () => `token-${++issued}`);
    const identity = createIdentity({ localUser: { current: 'mette-kjaer' }, teams, fetchSignIn, createTokenSource });
    expect(await identity.headers()).toEqual({ Authorization: 'Bearer token-1' });
    expect(await identity.headers()).toEqual({ Authorization: 'Bearer token-2' });
    expect(await identity.mode()).toBe('production');
    expect(fetchSignIn).toHaveBeenCalledTimes(1);
    expect(createTokenSource).toHaveBeenCalledTimes(1);
    expect(createTokenSource).toHaveBeenCalledWith(production, teams);
  });

  it('refuses to sign in outside Teams in production', async () => {
    const identity = createIdentity({ localUser: { current: null }, teams: null, fetchSignIn: async () => production });
    await expect(identity.headers()).rejects.toBeInstanceOf(SignInError);
  });

  it('asks the server again after a failed attempt', async () => {
    const fetchSignIn = vi
      .fn<() => Promise<SignInDto>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue({ mode: 'local' });
    const identity = createIdentity({ localUser: { current: null }, teams: null, fetchSignIn });
    await expect(identity.mode()).rejects.toThrow('offline');
    expect(await identity.mode()).toBe('local');
  });
});
