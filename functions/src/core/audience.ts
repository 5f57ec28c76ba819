import type { Audience, Person } from './types.js';

/**
 * Who is in a procedure's audience: the people in the audience's units or roles. An empty
 * audience means everybody in the administration.
 */
export function audienceMembers(people: Person[], audience: Audience): Person[] {
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
 * This is the only place that decides it: the publication (app/decide-approval.ts) stores the
 * result as the version's acknowledgement requests, and every list, count and reminder reads
 * those requests.
 */
export function acknowledgementAudience(people: Person[], audience: Audience, makers: VersionMakers): Person[] {
  const made = new Set([...makers.contributorIds, makers.approverId]);
  return audienceMembers(people, audience).filter((person) => !made.has(person.id));
}
