import { describe, expect, it } from 'vitest';
import { hasApprovalAuthority } from '../core/policies.js';
import { demoPeople, demoUnits } from './demo-directory.js';
import { demoProcedures } from './demo-procedures.js';

describe('the demo handbook', () => {
  it('names, for every procedure, an approver with approval authority who is not its owner', () => {
    const people = new Map(demoPeople.map((person) => [person.id, person]));
    const withoutAuthority = demoProcedures.filter((procedure) => {
      const approver = people.get(procedure.approverId);
      return (
        !approver ||
        approver.id === procedure.ownerId ||
        !hasApprovalAuthority(approver, { ...procedure, approverDesignatedBy: null }, demoUnits)
      );
    });
    expect(withoutAuthority.map((procedure) => procedure.code)).toEqual([]);
  });
});
