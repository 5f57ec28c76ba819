import azureFunctions from '@azure/functions';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryPerson, Services, Store } from '../app/ports.js';
import type { Person } from '../core/types.js';
import { entraAuthenticator, microsoftSigningKeys } from './entra-authenticator.js';

const { HttpRequest } = azureFunctions;

const clientId = '6f1c2b9e-3d4a-4c8b-9e2f-1a2b3c4d5e6f';
const tenant = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const personalAccounts = '9188040d-6c67-4c5b-b112-36a304b66dad';
const userOid = '10000000-0000-4000-8000-000000000001';
const now = new Date('2026-03-02T09:00:00Z');

let tenantKey: CryptoKey;
let personalKey: CryptoKey;
/** JWKs plus Microsoft's `issuer` member, which jose's JWK type does not name. */
let publicJwks: (JWK & { issuer: string })[];

beforeAll(async () => {
  const tenantPair = await generateKeyPair('RS256');
  const personalPair = await generateKeyPair('RS256');
  tenantKey = tenantPair.privateKey;
  personalKey = personalPair.privateKey;
  // Shaped like https://login.microsoftonline.com/common/discovery/v2.0/keys: each key names its issuer.
  publicJwks = [
    {
      ...(await exportJWK(tenantPair.publicKey)),
      kid: 'tenant-key',
      use: 'sig',
      issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
    },
    {
      ...(await exportJWK(personalPair.publicKey)),
      kid: 'personal-key',
      use: 'sig',
      issuer: `https://login.microsoftonline.com/${personalAccounts}/v2.0`,
    },
  ];
});

function sign(claims: JWTPayload, key: CryptoKey, kid: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuedAt(now)
    .setExpirationTime(new Date(now.getTime() + 3600_000))
    .sign(key);
}

function claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
    aud: clientId,
    tid: tenant,
    oid: userOid,
    scp: 'access_as_user',
    name: 'Karen Holt',
    preferred_username: 'karen@eksempel-kommune.dk',
    ...overrides,
  };
}

/** A store that holds people in a map and counts writes. */
function fakeStore(initial: Person[] = []) {
  const people = new Map(initial.map((person) => [person.aadObjectId, person]));
  const writes: DirectoryPerson[] = [];
  const store = {
    async getPersonByAadObjectId(aadObjectId: string) {
      return people.get(aadObjectId);
    },
    async upsertPersonFromDirectory(entry: DirectoryPerson) {
      writes.push(entry);
      const known = people.get(entry.aadObjectId);
      const person: Person = {
        id: known?.id ?? entry.whenNew.id,
        title: known?.title ?? entry.whenNew.title,
        unitId: known?.unitId ?? entry.whenNew.unitId,
        leaderId: known?.leaderId ?? null,
        aadObjectId: entry.aadObjectId,
        name: entry.name,
        email: entry.email,
        roles: entry.roles,
      };
      people.set(entry.aadObjectId, person);
      return person;
    },
  } as Partial<Store> as Store;
  return { store, writes };
}

function request(token: string) {
  return new HttpRequest({
    method: 'GET',
    url: 'http://localhost/api/me',
    headers: { authorization: `Bearer ${token}` },
  });
}

function authenticatorWith(store: Store) {
  const services: Pick<Services, 'store' | 'ids'> = { store, ids: { next: () => 'p-new' } };
  return entraAuthenticator(
    {
      clientId,
      tenantIds: [tenant.toUpperCase()],
      jwks: createLocalJWKSet({ keys: publicJwks }),
      clock: { now: () => now },
      defaultUnitId: 'miljo',
    },
    services,
  );
}

describe('entraAuthenticator', () => {
  it('creates a new person once, then signs them in without writing', async () => {
    const { store, writes } = fakeStore();
    const authenticate = authenticatorWith(store);
    const token = await sign(claims({ roles: ['Approver'] }), tenantKey, 'tenant-key');
    expect(await authenticate(request(token))).toEqual({ id: 'p-new', unitId: 'miljo', roles: ['leader'] });
    expect(await authenticate(request(token))).toEqual({ id: 'p-new', unitId: 'miljo', roles: ['leader'] });
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ aadObjectId: userOid, name: 'Karen Holt', email: 'karen@eksempel-kommune.dk' });
  });

  it('refreshes the roles of a known person when the token says otherwise', async () => {
    const karen: Person = {
      id: 'karen-holt',
      name: 'Karen Holt',
      email: 'karen@eksempel-kommune.dk',
      title: 'Naturmedarbejder',
      unitId: 'natur',
      roles: ['caseworker'],
      leaderId: 'anne-birk',
      aadObjectId: userOid,
    };
    const { store, writes } = fakeStore([karen]);
    const authenticate = authenticatorWith(store);
    const asReader = await sign(claims({ roles: ['Reader'] }), tenantKey, 'tenant-key');
    expect((await authenticate(request(asReader))).roles).toEqual(['caseworker']);
    expect(writes).toHaveLength(0);
    const asAuthor = await sign(claims({ roles: ['Author', 'Reader'] }), tenantKey, 'tenant-key');
    expect(await authenticate(request(asAuthor))).toEqual({
      id: 'karen-holt',
      unitId: 'natur',
      roles: ['caseworker', 'author'],
    });
    expect(writes).toHaveLength(1);
  });

  it('keeps a known name and email when the token has none', async () => {
    const { store, writes } = fakeStore();
    const authenticate = authenticatorWith(store);
    await authenticate(request(await sign(claims(), tenantKey, 'tenant-key')));
    const bare = await sign(claims({ name: undefined, preferred_username: undefined }), tenantKey, 'tenant-key');
    await authenticate(request(bare));
    expect(writes).toHaveLength(1);
  });

  it('checks expiry against the injected clock', async () => {
    const { store } = fakeStore();
    const authenticate = authenticatorWith(store);
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'RS256', kid: 'tenant-key' })
      .setExpirationTime(new Date(now.getTime() - 61_000))
      .sign(tenantKey);
    await expect(authenticate(request(token))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/expired/),
    });
  });

  it('refuses a token without an expiry', async () => {
    const { store } = fakeStore();
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: 'tenant-key' }).sign(tenantKey);
    await expect(authenticatorWith(store)(request(token))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each(['Basic a2FyZW46aGVtbWVsaWc=', 'Bearer', 'Bearer two tokens'])('refuses Authorization: %s', async (value) => {
    const { store } = fakeStore();
    const bad = new HttpRequest({ method: 'GET', url: 'http://localhost/api/me', headers: { authorization: value } });
    await expect(authenticatorWith(store)(bad)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('microsoftSigningKeys', () => {
  const fetchKeys = async () => new Response(JSON.stringify({ keys: publicJwks }));

  function keys() {
    return microsoftSigningKeys(new URL('https://login.microsoftonline.com/common/discovery/v2.0/keys'), fetchKeys);
  }

  it('uses a {tenantid} key for any tenant', async () => {
    const token = await sign(claims(), tenantKey, 'tenant-key');
    await expect(jwtVerify(token, keys(), { currentDate: now })).resolves.toBeDefined();
  });

  it('uses a key bound to one issuer only for that issuer', async () => {
    const personal = `https://login.microsoftonline.com/${personalAccounts}/v2.0`;
    const own = await sign(claims({ iss: personal, tid: personalAccounts }), personalKey, 'personal-key');
    await expect(jwtVerify(own, keys(), { currentDate: now })).resolves.toBeDefined();
    const borrowed = await sign(claims(), personalKey, 'personal-key');
    await expect(jwtVerify(borrowed, keys(), { currentDate: now })).rejects.toMatchObject({
      code: 'ERR_JWKS_NO_MATCHING_KEY',
    });
  });
});
