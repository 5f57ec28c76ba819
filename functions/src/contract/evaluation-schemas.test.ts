import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { EvaluationPack } from '../app/assemble-evaluation-pack.js';
import type { evaluationPackSchema } from './evaluation-schemas.js';

describe('evaluationPackSchema', () => {
  it('describes exactly the pack the use case assembles (the tab reads it through the typed client)', () => {
    // Each way assignable: a field added to, removed from or changed in either is a type error.
    expectTypeOf<z.output<typeof evaluationPackSchema>>().toExtend<EvaluationPack>();
    expectTypeOf<EvaluationPack>().toExtend<z.output<typeof evaluationPackSchema>>();
  });
});
