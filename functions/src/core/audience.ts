import type { AcknowledgementRequest, Audience, Person, Procedure, ProcedureVersion } from './types.js';

/** What audience membership looks at in a person. */
export type Member = Pick<Person, 'id' | 'unitId' | 'roles' | 'addedAt'>;

/**
 * Who is in a procedure's audience: the people in the audience's units or roles. An empty
 * audience means everybody in the administration.
 */
export function audienceMembers<P extends Member>(people: P[], audience: Audience): P[] {
  const everyone = audience.unitIds.length === 0 && audience.roles.length === 0;
  return people.filter(
    (person) =>
      everyone ||
      audience.unitIds.includes(person.unitId) ||
      person.roles.some((role) => audience.roles.includes(role)),
  );
}

/** The people who made a version: who wrote, edited or submitted the draft, and who approved it. */
export type VersionMakers = {
  /** The draft's author, whoever uploaded into it and whoever submitted it (`draftContributors`). */
  contributorIds: readonly string[];
  approverId: string;
};

/**
 * Who is asked to acknowledge ("læst og forstået") a newly published major version: the
 * audience, except the people who made the version.
 *
 * The makers are left outside the audience rather than counted as having acknowledged. They know
 * the text (they wrote or approved it, and the approval trail records that), so asking them is
 * noise; but an acknowledgement is a person's own statement, and recording one they never gave
 * would put a false entry in the records and lift the acknowledgement rate with it. Outside the
 * audience they are neither asked nor counted: not in the request, the sweep's reminders, "Mine
 * opgaver", the follow-up report's "missing" and "requested", nor the management evaluation's
 * rates.
 *
 * This is the only place that decides it: the publication (app/decide-approval.ts) records the
 * version's makers on it, and every list, count and reminder derives the version's
 * acknowledgement requests with `acknowledgementRequestsOf` (no row per reader is written, so an
 * approval costs the same whatever the audience).
 */
export function acknowledgementAudience<P extends Member>(people: P[], audience: Audience, makers: VersionMakers): P[] {
  const made = new Set([...makers.contributorIds, makers.approverId]);
  return audienceMembers(people, audience).filter((person) => !made.has(person.id));
}

/**
 * The acknowledgement requests of a published version: for a major version whose makers were
 * recorded at publication, everyone in the procedure's audience today except its makers, asked
 * when it was published, or, for someone who joined later, when they joined (`Person.addedAt`). `null` for a version published before the makers were recorded: its
 * requests are the rows stored then. A minor version, or one not published, asks nobody.
 */
export function acknowledgementRequestsOf(
  version: Pick<ProcedureVersion, 'id' | 'procedureId' | 'kind' | 'publishedAt' | 'approvedBy'> & {
    makerIds?: readonly string[] | null;
  },
  procedure: Pick<Procedure, 'audience'>,
  people: Member[],
): AcknowledgementRequest[] | null {
  if (version.makerIds === undefined || version.makerIds === null) return null;
  if (version.kind !== 'major' || version.publishedAt === null) return [];
  const publishedAt = version.publishedAt;
  return acknowledgementAudience(people, procedure.audience, {
    contributorIds: version.makerIds,
    approverId: version.approvedBy ?? '',
  }).map((person) => ({
    procedureId: version.procedureId,
    versionId: version.id,
    personId: person.id,
    requestedAt: person.addedAt && person.addedAt > publishedAt ? person.addedAt : publishedAt,
  }));
}
