import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createChallenge, extractParams } from 'altcha-lib/v1';
import type { ProofOfWork } from '../../app/register-ports.js';

export type AltchaSettings = {
  /** The HMAC key challenges are signed with (config ALTCHA_HMAC_KEY). */
  hmacKey: string;
  /** The highest number the browser may have to try (the work: ~50,000 is well under a second on a phone). */
  maxNumber: number;
  /** How long a challenge can be solved and sent, in seconds. */
  validSeconds: number;
};

/**
 * The public form's proof-of-work, ALTCHA's SHA-256 challenge (altcha-lib's v1 protocol, which
 * the `altcha` widget solves as it does its newer one): no third-party service, no cookies. The
 * challenge carries its expiry in the signed salt; expiry is checked against the app's clock, so
 * tests and the bench can move time. Replays are the caller's: `signatureHash` names the solved
 * challenge (the store refuses one used before).
 *
 * A solution is checked with node:crypto's synchronous SHA-256 and HMAC (`isSolved`), the same
 * two hashes altcha-lib's `verifySolution` computes through WebCrypto, which imports the key
 * anew and awaits the thread pool for each: ~1 ms a submission under load instead of microseconds.
 */
export function createAltchaProofOfWork(settings: AltchaSettings): ProofOfWork {
  return {
    async createChallenge(now) {
      const challenge = await createChallenge({
        hmacKey: settings.hmacKey,
        maxnumber: settings.maxNumber,
        expires: new Date(now.getTime() + settings.validSeconds * 1000),
      });
      return { ...challenge };
    },
    async verify(payload, now) {
      const decoded = decode(payload);
      if (decoded === null) return { isValid: false, reason: 'invalid' };
      const expires = Number(extractParams(decoded)['expires']);
      if (!Number.isFinite(expires)) return { isValid: false, reason: 'invalid' };
      // Expiry is checked below against our clock, not the library's Date.now().
      if (!isSolved(decoded, settings.hmacKey)) return { isValid: false, reason: 'invalid' };
      if (expires * 1000 <= now.getTime()) return { isValid: false, reason: 'expired' };
      return {
        isValid: true,
        signatureHash: createHash('sha256').update(decoded.signature, 'utf8').digest('hex'),
        expiresAt: new Date(expires * 1000).toISOString(),
      };
    },
  };
}

type V1Payload = { algorithm: 'SHA-256'; challenge: string; number: number; salt: string; signature: string };

/**
 * ALTCHA v1: the challenge is SHA-256(salt + number) and the signature HMAC-SHA-256 of the
 * challenge with our key, both hex. The library ends the salt with '&' before hashing (against
 * parameter splicing); so do we, so both accept the same solutions.
 */
function isSolved(payload: V1Payload, hmacKey: string): boolean {
  const salt = payload.salt.endsWith('&') ? payload.salt : `${payload.salt}&`;
  const challenge = createHash('sha256').update(`${salt}${payload.number}`, 'utf8').digest('hex');
  const signature = createHmac('sha256', hmacKey).update(challenge, 'utf8').digest('hex');
  return isSameText(challenge, payload.challenge) && isSameText(signature, payload.signature);
}

/** Constant-time comparison of two texts (lengths may differ). */
function isSameText(expected: string, given: string): boolean {
  const left = Buffer.from(expected, 'utf8');
  const right = Buffer.from(given, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The widget's base64 JSON payload, if it has the v1 shape with SHA-256. */
function decode(payload: string): V1Payload | null {
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Record<string, unknown>;
    const isShaped =
      value['algorithm'] === 'SHA-256' &&
      typeof value['challenge'] === 'string' &&
      typeof value['number'] === 'number' &&
      typeof value['salt'] === 'string' &&
      typeof value['signature'] === 'string';
    return isShaped ? (value as unknown as V1Payload) : null;
  } catch {
    return null;
  }
}
