import { AppError } from '../core/errors.js';
import { canManageSurveys, ensure, type Actor } from '../core/policies.js';
import type { Survey, SurveyLink } from '../core/survey-types.js';
import type { Services } from './ports.js';
import { qualityTrail, stampOf, type Stamp } from './quality-records.js';
import { hashSurveyToken, newSurveyToken } from './survey-tokens.js';
import { loadSurvey } from './survey-views.js';

/** A decided case to send a survey link with: its id, case type and the unit that decided it. */
export type DecidedCase = { caseId: string; caseType: string; unitId: string };

export type IssuedLink = DecidedCase & { token: string; expiresAt: string };
export type IssuedLinks = { issued: IssuedLink[]; skipped: { caseId: string; reason: 'already-linked' }[] };

/**
 * Issues one personal link per decided case for a round of the survey: a fresh token each (see
 * survey-tokens.ts), expiring `linkValidDays` after issue. A case that already has a link in the
 * round is skipped: its token was handed out once and is not kept. The tokens are returned this
 * once, for the CSV sent with the decision letters. No actor check: the case import calls this
 * for the cases it has just read (after its own check); people go through `issueSurveyLinks`.
 */
export async function issueLinksForDecidedCases(
  services: Services,
  stamp: Stamp,
  input: { survey: Survey; roundId: string; cases: readonly DecidedCase[] },
): Promise<IssuedLinks> {
  const { survey, roundId } = input;
  if (!survey.rounds.some((round) => round.id === roundId))
    throw new AppError('VALIDATION', `The survey has no round ${roundId}.`, { field: 'roundId' });
  const outside = input.cases.filter((decided) => !survey.caseTypes.includes(decided.caseType));
  if (outside.length > 0)
    throw new AppError(
      'VALIDATION',
      `The survey does not cover the case types: ${[...new Set(outside.map((c) => c.caseType))].join(', ')}.`,
      {
        field: 'cases',
        caseTypes: [...new Set(outside.map((decided) => decided.caseType))],
      },
    );
  const units = new Set((await services.store.listUnits()).map((unit) => unit.id));
  const unknownUnits = [
    ...new Set(input.cases.map((decided) => decided.unitId).filter((unitId) => !units.has(unitId))),
  ];
  if (unknownUnits.length > 0)
    throw new AppError('VALIDATION', `Unknown units: ${unknownUnits.join(', ')}.`, {
      field: 'cases',
      unitIds: unknownUnits,
    });
  const linked = new Set(await services.surveys.linkedCaseIds(survey.id, roundId));
  const issued: IssuedLink[] = [];
  const skipped: IssuedLinks['skipped'] = [];
  const links: SurveyLink[] = [];
  const expiresAt = new Date(Date.parse(stamp.at) + survey.linkValidDays * 24 * 60 * 60 * 1000).toISOString();
  for (const decided of input.cases) {
    if (linked.has(decided.caseId)) {
      skipped.push({ caseId: decided.caseId, reason: 'already-linked' });
      continue;
    }
    linked.add(decided.caseId);
    const token = newSurveyToken();
    issued.push({ ...decided, token, expiresAt });
    links.push({
      tokenHash: hashSurveyToken(token),
      surveyId: survey.id,
      roundId,
      ...decided,
      issuedAt: stamp.at,
      expiresAt,
      isAnswered: false,
    });
  }
  if (links.length > 0)
    await services.surveys.insertLinks(
      links,
      qualityTrail(stamp, 'survey.links-issued', survey.id, `${links.length} survey links issued (round ${roundId})`, {
        roundId,
        count: links.length,
      }),
    );
  return { issued, skipped };
}

/** The coordinator issues links for a list of decided cases (until the case import calls the above). */
export async function issueSurveyLinks(
  services: Services,
  actor: Actor,
  input: { surveyId: string; roundId: string; cases: readonly DecidedCase[] },
): Promise<IssuedLinks> {
  ensure(canManageSurveys(actor), 'Only the quality coordinator issues survey links.');
  const survey = await loadSurvey(services, input.surveyId);
  return issueLinksForDecidedCases(services, stampOf(services, actor), { ...input, survey });
}
