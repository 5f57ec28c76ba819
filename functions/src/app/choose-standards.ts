import { canChooseStandards, ensure, type Actor } from '../core/policies.js';
import { standardIds, standards, standardsChoiceId, type StandardId, type StandardsChoice } from '../core/standards.js';
import type { StandardsDto } from '../contract/fokus-schemas.js';
import { staleFokusRecordError } from './fokus-ports.js';
import type { Services } from './ports.js';
import { firstVersion, nextVersion, qualityTrail, stampOf } from './quality-records.js';

/** The standards worked by; a store that never had a choice works by ISO 9001 alone. */
export async function chosenStandards(services: Services): Promise<{ chosen: StandardId[]; etag: number }> {
  const choice = await services.fokus.getStandardsChoice();
  return choice ? { chosen: choice.standardIds, etag: choice.etag } : { chosen: ['iso9001'], etag: 0 };
}

/** Everyone signed in may know which standards the municipality works by. */
export async function getStandards(services: Services, actor: Actor): Promise<StandardsDto> {
  const { chosen, etag } = await chosenStandards(services);
  return {
    chosen,
    available: standardIds.map((id) => ({ id, name: standards[id].name, edition: standards[id].edition })),
    etag,
    abilities: { choose: canChooseStandards(actor) },
  };
}

/** The coordinator chooses the standards worked by (If-Match: the choice's etag, 0 for none yet). */
export async function chooseStandards(
  services: Services,
  actor: Actor,
  input: { standardIds: StandardId[]; etag: number },
): Promise<StandardsDto> {
  ensure(canChooseStandards(actor), 'Only the quality coordinator chooses the standards.');
  const existing = await services.fokus.getStandardsChoice();
  const stored = existing?.etag ?? 0;
  if (stored !== input.etag)
    throw staleFokusRecordError('standardsChoice', standardsChoiceId, {
      etag: stored,
      updatedBy: existing?.updatedBy ?? null,
      updatedAt: existing?.updatedAt ?? null,
    });
  const stamp = stampOf(services, actor);
  const ordered = standardIds.filter((id) => input.standardIds.includes(id));
  const choice: StandardsChoice = {
    id: standardsChoiceId,
    standardIds: ordered,
    ...(existing ? { createdAt: existing.createdAt, ...nextVersion(existing, stamp) } : firstVersion(stamp)),
  };
  await services.fokus.commit({
    expect: [{ collection: 'standardsChoice', id: standardsChoiceId, etag: stored }],
    standardsChoice: [choice],
    trail: [
      qualityTrail(
        stamp,
        'standards.chosen',
        standardsChoiceId,
        `Standarder: ${ordered.map((id) => standards[id].name).join(', ')}`,
      ),
    ],
  });
  return getStandards(services, actor);
}
