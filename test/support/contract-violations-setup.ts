import { afterAll, expect } from 'vitest';
import { takeContractViolations } from './contract-violations.js';

// Every API test file: no route answered with a body its `response` schema does not describe.
afterAll(() => {
  expect(takeContractViolations(), 'responses that drifted from their route contract').toEqual([]);
});
