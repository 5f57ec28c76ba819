import { describe, expect, it } from 'vitest';
import { goalColour, hasTurnedRed, nextReading } from './goal-status.js';
import type { GoalReading, GoalTarget } from './goal-types.js';
import { asLocalDate } from './local-date.js';

const atLeast95: GoalTarget = { direction: 'at-least', value: 95, unit: 'percent' };
const atMost40: GoalTarget = { direction: 'at-most', value: 40, unit: 'days' };
const d = asLocalDate;

describe('goalColour', () => {
  it.each([
    [atLeast95, 5, 95, 'green'],
    [atLeast95, 5, 99.9, 'green'],
    [atLeast95, 5, 94.9, 'yellow'],
    [atLeast95, 5, 90, 'yellow'],
    [atLeast95, 5, 89.9, 'red'],
    [atLeast95, 0, 94.9, 'red'],
    [atLeast95, 5, null, 'none'],
    [atMost40, 10, 40, 'green'],
    [atMost40, 10, 50, 'yellow'],
    [atMost40, 10, 50.5, 'red'],
  ] as const)('target %o, yellow within %d, value %s: %s', (target, within, value, colour) => {
    expect(goalColour(target, { yellowWithinPoints: within }, value)).toBe(colour);
  });
});

describe('nextReading', () => {
  const red = (since: string): GoalReading => ({ colour: 'red', value: 80, computedOn: d(since), redSince: d(since) });
  it.each([
    ['first reading red', null, 'red', '2026-05-01', '2026-05-01', true],
    ['stays red: keeps the day it turned', red('2026-04-01'), 'red', '2026-05-01', '2026-04-01', false],
    [
      'yellow to red',
      { ...red('2026-04-01'), colour: 'yellow', redSince: null },
      'red',
      '2026-05-01',
      '2026-05-01',
      true,
    ],
    ['red to green', red('2026-04-01'), 'green', '2026-05-01', null, false],
  ] as const)('%s', (_name, previous, colour, today, redSince, turned) => {
    const next = nextReading(previous as GoalReading | null, colour, 80, d(today));
    expect(next.redSince).toBe(redSince);
    expect(hasTurnedRed(previous as GoalReading | null, next)).toBe(turned);
  });
});
