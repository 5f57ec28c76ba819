import type { PersonDto } from '../api/contract';

/** Local mode starts as the first quality coordinator, who can see and do the most. */
export function chooseDefaultPerson(people: readonly PersonDto[]): PersonDto | null {
  return people.find((person) => person.roles.includes('coordinator')) ?? people[0] ?? null;
}
