import { describe, expect, it } from 'vitest';
import { moveActive, rowSlots, rowWindow } from './row-window';

describe('rowWindow', () => {
  const base = { viewportHeight: 500, bodyTop: 100, rowHeight: 50, rowCount: 300, overscan: 2 };

  it('covers the rows in view plus the overscan, below the caption and headers', () => {
    expect(rowWindow({ ...base, scrollTop: 0 })).toEqual({ first: 0, end: 12 });
    // Scrolled 1,100 px: the body is 1,000 px up, rows 20–29 are in view.
    expect(rowWindow({ ...base, scrollTop: 1100 })).toEqual({ first: 18, end: 32 });
  });

  it('stays inside the table at the end and for a small table', () => {
    expect(rowWindow({ ...base, scrollTop: 100 + 300 * 50 - 500 })).toEqual({ first: 288, end: 300 });
    expect(rowWindow({ ...base, rowCount: 3, scrollTop: 0 })).toEqual({ first: 0, end: 3 });
    expect(rowWindow({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ first: 0, end: 0 });
  });
});

describe('rowSlots', () => {
  it('puts gaps for the rows left out above and below the window', () => {
    expect(rowSlots({ first: 3, end: 5 }, 10, 4)).toEqual([
      { kind: 'gap', from: 0, rows: 3 },
      { kind: 'row', index: 3 },
      { kind: 'row', index: 4 },
      { kind: 'gap', from: 5, rows: 5 },
    ]);
  });

  it('keeps the pinned (focused) row in place when it is outside the window', () => {
    expect(rowSlots({ first: 5, end: 7 }, 10, 1)).toEqual([
      { kind: 'gap', from: 0, rows: 1 },
      { kind: 'row', index: 1 },
      { kind: 'gap', from: 2, rows: 3 },
      { kind: 'row', index: 5 },
      { kind: 'row', index: 6 },
      { kind: 'gap', from: 7, rows: 3 },
    ]);
    expect(rowSlots({ first: 0, end: 2 }, 4, 3)).toEqual([
      { kind: 'row', index: 0 },
      { kind: 'row', index: 1 },
      { kind: 'gap', from: 2, rows: 1 },
      { kind: 'row', index: 3 },
    ]);
  });

  it('renders every row when the window covers the table', () => {
    expect(rowSlots({ first: 0, end: 2 }, 2, 0)).toEqual([
      { kind: 'row', index: 0 },
      { kind: 'row', index: 1 },
    ]);
  });
});

describe('moveActive', () => {
  const size = { rows: 10, cols: 5, pageRows: 4, ctrlKey: false };
  const at = { row: 5, col: 2 };

  it('moves by one with the arrows and stops at the edges', () => {
    expect(moveActive(at, 'ArrowUp', size)).toEqual({ row: 4, col: 2 });
    expect(moveActive(at, 'ArrowDown', size)).toEqual({ row: 6, col: 2 });
    expect(moveActive(at, 'ArrowLeft', size)).toEqual({ row: 5, col: 1 });
    expect(moveActive(at, 'ArrowRight', size)).toEqual({ row: 5, col: 3 });
    expect(moveActive({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
    expect(moveActive({ row: 9, col: 4 }, 'ArrowRight', size)).toEqual({ row: 9, col: 4 });
  });

  it('pages by rows and jumps to the row’s or the grid’s ends', () => {
    expect(moveActive(at, 'PageDown', size)).toEqual({ row: 9, col: 2 });
    expect(moveActive(at, 'PageUp', size)).toEqual({ row: 1, col: 2 });
    expect(moveActive(at, 'Home', size)).toEqual({ row: 5, col: 0 });
    expect(moveActive(at, 'End', size)).toEqual({ row: 5, col: 4 });
    expect(moveActive(at, 'Home', { ...size, ctrlKey: true })).toEqual({ row: 0, col: 0 });
    expect(moveActive(at, 'End', { ...size, ctrlKey: true })).toEqual({ row: 9, col: 4 });
  });

  it('leaves other keys to the browser', () => {
    expect(moveActive(at, 'Enter', size)).toBeNull();
    expect(moveActive(at, 'a', size)).toBeNull();
  });
});
