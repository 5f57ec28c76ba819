import { qualityPolicyId, type PolicyText, type QualityPolicy } from '../core/goal-types.js';
import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import { canManageGoals, ensure, type Actor } from '../core/policies.js';
import { getQualityPolicyView, type QualityPolicyView } from './goal-views.js';
import type { Services } from './ports.js';
import { firstVersion, nextVersion, qualityTrail, stampOf, todayOf } from './quality-records.js';

export type QualityPolicyInput = {
  /** The etag read; 0 creates the policy. */
  etag: number;
  text: PolicyText;
  adoptedBy: string;
  adoptedOn: LocalDate | null;
  isPublished: boolean;
};

/**
 * Writes the quality policy (ISO 9001 5.2): its text in one or more languages, who adopted it and
 * when, and whether it is published (the day it was first published is kept). The coordinator
 * only; a stale etag is a CONFLICT.
 */
export async function saveQualityPolicy(
  services: Services,
  actor: Actor,
  input: QualityPolicyInput,
): Promise<QualityPolicyView> {
  ensure(canManageGoals(actor), 'Only the quality coordinator edits the quality policy.');
  if (Object.values(input.text).every((text) => text === undefined || text.trim() === ''))
    throw new AppError('VALIDATION', 'The policy needs its text in at least one language.', { field: 'text' });
  const stamp = stampOf(services, actor);
  const stored = await services.goals.getQualityPolicy(qualityPolicyId);
  const publishedOn = input.isPublished ? (stored?.publishedOn ?? todayOf(services)) : null;
  const policy: QualityPolicy = {
    ...(stored ?? firstVersion(stamp)),
    ...(stored ? nextVersion(stored, stamp) : {}),
    id: qualityPolicyId,
    text: input.text,
    adoptedBy: input.adoptedBy,
    adoptedOn: input.adoptedOn,
    isPublished: input.isPublished,
    publishedOn,
  };
  await services.goals.commit({
    expect: [{ collection: 'qualityPolicies', id: qualityPolicyId, etag: input.etag }],
    qualityPolicies: [policy],
    trail: [qualityTrail(stamp, 'quality-policy.saved', qualityPolicyId, 'Kvalitetspolitikken er gemt', {})],
  });
  return getQualityPolicyView(services, actor);
}
