import { solveChallenge, verifySolution } from 'altcha-lib/v1';
import { describe, expect, it } from 'vitest';
import { createAltchaProofOfWork } from './altcha-proof-of-work.js';

/** Our synchronous check accepts exactly what altcha-lib's own verifySolution accepts. */

const hmacKey = 'test-key-test-key-test-key-test-key';
const proofOfWork = createAltchaProofOfWork({ hmacKey, maxNumber: 2000, validSeconds: 600 });
const now = new Date('2026-12-06T10:00:00.000Z');

async function solvedPayload(): Promise<Record<string, unknown>> {
  const challenge = await proofOfWork.createChallenge(now);
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
    .promise;
  return {
    algorithm: challenge.algorithm,
    challenge: challenge.challenge,
    number: solution!.number,
    salt: challenge.salt,
    signature: challenge.signature,
  };
}
const encode = (payload: Record<string, unknown>) => Buffer.from(JSON.stringify(payload)).toString('base64');

describe('the ALTCHA proof-of-work', () => {
  it('accepts a solved challenge, as the library does, until it expires', async () => {
    const payload = await solvedPayload();
    expect(await verifySolution(encode(payload), hmacKey, false)).toBe(true);
    const verdict = await proofOfWork.verify(encode(payload), now);
    expect(verdict).toMatchObject({ isValid: true, signatureHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await proofOfWork.verify(encode(payload), new Date(now.getTime() + 601_000))).toEqual({
      isValid: false,
      reason: 'expired',
    });
  });

  it.each([
    ['a wrong number', (payload: Record<string, unknown>) => ({ ...payload, number: Number(payload['number']) + 1 })],
    ['another challenge', (payload: Record<string, unknown>) => ({ ...payload, challenge: 'ab'.repeat(32) })],
    ['a forged signature', (payload: Record<string, unknown>) => ({ ...payload, signature: 'cd'.repeat(32) })],
    [
      'a salt with a later expiry',
      (payload: Record<string, unknown>) => ({
        ...payload,
        salt: String(payload['salt']).replace(/expires=\d+/, 'expires=9999999999'),
      }),
    ],
    [
      'a salt without its closing &',
      (payload: Record<string, unknown>) => ({ ...payload, salt: 'abc?expires=9999999999' }),
    ],
    ['a signature of another length', (payload: Record<string, unknown>) => ({ ...payload, signature: 'ab' })],
  ])('refuses %s, as the library does', async (_case, tamper) => {
    const payload = tamper(await solvedPayload());
    expect(await verifySolution(encode(payload), hmacKey, false)).toBe(false);
    expect(await proofOfWork.verify(encode(payload), now)).toEqual({ isValid: false, reason: 'invalid' });
  });

  it('refuses a solution signed with another key', async () => {
    const other = createAltchaProofOfWork({
      hmacKey: 'another-key-another-key-another-key',
      maxNumber: 2000,
      validSeconds: 600,
    });
    expect(await other.verify(encode(await solvedPayload()), now)).toEqual({ isValid: false, reason: 'invalid' });
  });

  it('refuses what is not a v1 SHA-256 payload', async () => {
    expect(await proofOfWork.verify('not base64 json', now)).toEqual({ isValid: false, reason: 'invalid' });
    expect(await proofOfWork.verify(encode({ ...(await solvedPayload()), algorithm: 'SHA-1' }), now)).toEqual({
      isValid: false,
      reason: 'invalid',
    });
  });
});
