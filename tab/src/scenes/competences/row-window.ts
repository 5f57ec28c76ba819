/**
 * Row windowing for the competence matrix: only the rows in view (plus a margin) are in the DOM,
 * with spacer rows standing in for the others so the scrollbar and sticky headers behave as if
 * every row were there.
 */

export type RowWindow = { first: number; end: number };

/**
 * The rows that intersect the viewport, widened by `overscan` rows on each side. `bodyTop` is where
 * the first body row starts in the scrolled content (below the caption and the header rows).
 */
export function rowWindow(input: {
  scrollTop: number;
  viewportHeight: number;
  bodyTop: number;
  rowHeight: number;
  rowCount: number;
  overscan: number;
}): RowWindow {
  const { rowCount, overscan } = input;
  const rowHeight = Math.max(1, input.rowHeight);
  const top = Math.max(0, input.scrollTop - input.bodyTop);
  const first = Math.max(0, Math.min(rowCount, Math.floor(top / rowHeight)) - overscan);
  const end = Math.min(rowCount, Math.ceil((top + Math.max(0, input.viewportHeight)) / rowHeight) + overscan);
  return { first: Math.min(first, end), end };
}

export type RowSlot = { kind: 'row'; index: number } | { kind: 'gap'; from: number; rows: number };

/**
 * What the table body renders, top to bottom: the window's rows, the `pinned` row even when it is
 * outside the window (the focused cell must not vanish while the user scrolls with the mouse),
 * and a gap for each run of rows left out.
 */
export function rowSlots(window: RowWindow, rowCount: number, pinned: number | null): RowSlot[] {
  const indices: number[] = [];
  const pin = pinned !== null && pinned >= 0 && pinned < rowCount ? pinned : null;
  if (pin !== null && pin < window.first) indices.push(pin);
  for (let index = window.first; index < window.end; index++) indices.push(index);
  if (pin !== null && pin >= window.end) indices.push(pin);
  const slots: RowSlot[] = [];
  let next = 0;
  for (const index of indices) {
    if (index > next) slots.push({ kind: 'gap', from: next, rows: index - next });
    slots.push({ kind: 'row', index });
    next = index + 1;
  }
  if (next < rowCount) slots.push({ kind: 'gap', from: next, rows: rowCount - next });
  return slots;
}

/** Where a key moves the active cell (the grid keyboard pattern); null when the key is not ours. */
export function moveActive(
  active: { row: number; col: number },
  key: string,
  input: { rows: number; cols: number; pageRows: number; ctrlKey: boolean },
): { row: number; col: number } | null {
  const clamp = (value: number, size: number) => Math.max(0, Math.min(size - 1, value));
  const page = Math.max(1, input.pageRows);
  switch (key) {
    case 'ArrowUp':
      return { row: clamp(active.row - 1, input.rows), col: active.col };
    case 'ArrowDown':
      return { row: clamp(active.row + 1, input.rows), col: active.col };
    case 'ArrowLeft':
      return { row: active.row, col: clamp(active.col - 1, input.cols) };
    case 'ArrowRight':
      return { row: active.row, col: clamp(active.col + 1, input.cols) };
    case 'PageUp':
      return { row: clamp(active.row - page, input.rows), col: active.col };
    case 'PageDown':
      return { row: clamp(active.row + page, input.rows), col: active.col };
    case 'Home':
      return input.ctrlKey ? { row: 0, col: 0 } : { row: active.row, col: 0 };
    case 'End':
      return input.ctrlKey ? { row: input.rows - 1, col: input.cols - 1 } : { row: active.row, col: input.cols - 1 };
    default:
      return null;
  }
}
