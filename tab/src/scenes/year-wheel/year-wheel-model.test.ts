import { describe, expect, it } from 'vitest';
import type { OccurrenceDto } from '../../api/contract';
import { removeOccurrence, replaceOccurrence, sourceLink } from './year-wheel-model';

function occurrence(id: string, dueOn: string, title = id): OccurrenceDto {
  return {
    id,
    kind: 'other',
    title,
    dueOn: dueOn as OccurrenceDto['dueOn'],
    owner: { id: 'p', name: 'P' },
    origin: { kind: 'manual' },
    completedOn: null,
    isEdited: false,
    note: '',
    status: 'planned',
    etag: '"1"',
    abilities: { edit: true, complete: true, delete: true },
  };
}

const wheel = {
  months: Array.from({ length: 12 }, (_, index) => ({
    month: index + 1,
    occurrences: index === 2 ? [occurrence('a', '2027-03-05'), occurrence('b', '2027-03-20')] : [],
  })),
};

describe('year-wheel model', () => {
  it('moves an occurrence to its new month, in date order', () => {
    const moved = replaceOccurrence(wheel, occurrence('b', '2027-04-01'), 2027);
    expect(moved.months[2]!.occurrences.map((o) => o.id)).toEqual(['a']);
    expect(moved.months[3]!.occurrences.map((o) => o.id)).toEqual(['b']);
    const earlier = replaceOccurrence(wheel, occurrence('b', '2027-03-01'), 2027);
    expect(earlier.months[2]!.occurrences.map((o) => o.id)).toEqual(['b', 'a']);
  });

  it('drops an occurrence moved to another year, and removes one', () => {
    const away = replaceOccurrence(wheel, occurrence('a', '2028-03-05'), 2027);
    expect(away.months.flatMap((m) => m.occurrences).map((o) => o.id)).toEqual(['b']);
    expect(removeOccurrence(wheel, 'a').months[2]!.occurrences.map((o) => o.id)).toEqual(['b']);
  });

  it('links audits and evaluations to their scenes', () => {
    expect(sourceLink({ origin: { kind: 'audit', auditId: 'a 1' } })).toEqual({ href: '/audit/a%201', kind: 'audit' });
    expect(sourceLink({ origin: { kind: 'evaluation', evaluationId: 'e' } })).toEqual({
      href: '/management-evaluation',
      kind: 'evaluation',
    });
    expect(sourceLink({ origin: { kind: 'recurring', key: 'x/2027' } })).toBeNull();
  });
});
