import { createHash } from 'node:crypto';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
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
      const isSolved = await verifySolution(decoded, settings.hmacKey, false).catch(() => false);
      if (!isSolved) return { isValid: false, reason: 'invalid' };
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
