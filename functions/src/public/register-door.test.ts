import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { publicRegisterDoor } from './register-door.js';

const body = {
  kind: 'complaint' as const,
  caseAreaId: 'byg',
  description: 'Ingen svar.',
  locale: 'da' as const,
  altcha: 'payload',
};

function doorRefusing(error: unknown) {
  const submitted: unknown[] = [];
  const door = publicRegisterDoor({
    challengePath: '/api/public/register/challenge',
    options: async () => ({
      kinds: [],
      caseAreas: [],
      limits: { description: 1, caseNumber: 1, contactName: 1, email: 1, phone: 1 },
    }),
    status: async () => null,
    async submit(input) {
      submitted.push(input);
      if (error) throw error;
      return { statusToken: 't'.repeat(43), canBeAnswered: false };
    },
  });
  return { door, submitted };
}

describe('publicRegisterDoor: the register’s refusals as the form shows them', () => {
  it('a receipt', async () => {
    const { door, submitted } = doorRefusing(null);
    expect(await door.receive({ body, address: '203.0.113.7' })).toEqual({
      state: 'received',
      statusToken: 't'.repeat(43),
      canBeAnswered: false,
    });
    expect(submitted).toEqual([body]);
  });

  it.each([
    [{ field: 'altcha', reason: 'replayed' }, { state: 'unverified' }],
    [{ field: 'website' }, { state: 'bot' }],
    [{ field: 'caseAreaId' }, { state: 'rejected', fields: ['caseAreaId'] }],
    [{ field: 'contact.phone' }, { state: 'rejected', fields: ['phone'] }],
  ])('VALIDATION %j → %j', async (details, outcome) => {
    const { door } = doorRefusing(new AppError('VALIDATION', 'no', details));
    expect(await door.receive({ body, address: 'x' })).toEqual(outcome);
  });

  it('checks the body with the route’s schema before the register is asked', async () => {
    const { door, submitted } = doorRefusing(null);
    const outcome = await door.receive({
      body: { ...body, description: '', contact: { email: 'not-an-address' } },
      address: 'x',
    });
    expect(outcome).toEqual({ state: 'rejected', fields: ['description', 'email'] });
    expect(submitted).toEqual([]);
  });

  it('other failures are not hidden', async () => {
    const { door } = doorRefusing(new AppError('RATE_LIMITED', 'slow down'));
    await expect(door.receive({ body, address: 'x' })).rejects.toThrow('slow down');
  });
});
