import type { ContractViolation } from '../../functions/src/http/handle-route.js';

/**
 * Responses of the test servers that drifted from their route's `response` schema, in this test
 * file. startTestServer reports every violation here; contract-violations-setup.ts fails the file
 * when any remain (a test that provokes one on purpose takes it out with `takeContractViolations`).
 */
const violations: ContractViolation[] = [];

export function recordContractViolation(violation: ContractViolation): void {
  violations.push(violation);
}

/** The violations recorded so far, removed from the record. */
export function takeContractViolations(): ContractViolation[] {
  return violations.splice(0, violations.length);
}
