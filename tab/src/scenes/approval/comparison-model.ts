import type { ComparedBlock } from '../../api/contract';

/** A run of blocks shown together: consecutive list items form one list, everything else stands alone. */
export type BlockGroup = { kind: 'list'; items: ComparedBlock[] } | { kind: 'block'; block: ComparedBlock };

export function groupBlocks(blocks: readonly ComparedBlock[]): BlockGroup[] {
  const groups: BlockGroup[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.type === 'list-item') {
      if (last?.kind === 'list') last.items.push(block);
      else groups.push({ kind: 'list', items: [block] });
    } else {
      groups.push({ kind: 'block', block });
    }
  }
  return groups;
}

/**
 * The heading level a document heading gets inside the comparison: below the page's h1 and the
 * section's h2, as the document view demotes them (procedure-versions.ts `demoteHeadings`).
 */
export function headingLevel(documentLevel: number): 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(3, documentLevel + 2)) as 3 | 4 | 5 | 6;
}
