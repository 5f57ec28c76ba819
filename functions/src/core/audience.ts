import type { Audience, Person } from './types.js';

/**
 * Who is asked to acknowledge a procedure ("læst og forstået"): the people in the audience's
 * units or roles. An empty audience means everybody in the administration.
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
