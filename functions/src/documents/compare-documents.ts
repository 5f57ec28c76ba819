import { diffArrays, diffWords } from 'diff';

/**
 * The comparison an approver reads before deciding: the blocks of the current version's rendered
 * text against the draft's, aligned block by block, with changed blocks diffed word by word.
 *
 * It works on the sanitised HTML that `render-document.ts` produced, reduced to plain text per
 * block (heading, paragraph, list item, table cell, preformatted text). The result is structured
 * segments, never HTML: the tab marks insertions and deletions itself.
 */

export type BlockType = 'heading' | 'paragraph' | 'list-item' | 'table-cell' | 'preformatted';

export type TextBlock = { type: BlockType; /** 1–6 for headings, otherwise 0. */ level: number; text: string };

export type DiffSegment = { kind: 'same' | 'added' | 'removed'; text: string };

export type ComparedBlock = {
  type: BlockType;
  level: number;
  /** `changed`: the block is in both versions with different words; its segments say which. */
  change: 'same' | 'changed' | 'added' | 'removed';
  segments: DiffSegment[];
};

export type DocumentComparison =
  | { state: 'compared'; blocks: ComparedBlock[]; counts: { added: number; removed: number; changed: number } }
  | { state: 'too-large' };

/**
 * Bounds on the work one comparison may do (jsdiff's `maxEditLength`, deterministic unlike a
 * timeout). Beyond the block bound the comparison is refused as too large; beyond the word bound,
 * or once the changed blocks word-diffed so far hold `maxWordDiffChars` of text, a changed block
 * is shown as removed and added whole.
 */
export const maxBlockEdits = 2000;
export const maxWordEdits = 600;
export const maxWordDiffChars = 200_000;

/** Two blocks in the same place count as one changed block when this share of their text is common. */
const pairingSimilarity = 0.35;

const blockTags: Record<string, { type: BlockType; level: number }> = {
  h1: { type: 'heading', level: 1 },
  h2: { type: 'heading', level: 2 },
  h3: { type: 'heading', level: 3 },
  h4: { type: 'heading', level: 4 },
  h5: { type: 'heading', level: 5 },
  h6: { type: 'heading', level: 6 },
  p: { type: 'paragraph', level: 0 },
  li: { type: 'list-item', level: 0 },
  td: { type: 'table-cell', level: 0 },
  th: { type: 'table-cell', level: 0 },
  pre: { type: 'preformatted', level: 0 },
};

/** Tags that end the loose text before them (text outside any block becomes a paragraph). */
const boundaryTags = new Set(['ul', 'ol', 'table', 'thead', 'tbody', 'tr', 'blockquote', 'hr']);

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}

/**
 * The text blocks of sanitised HTML, in reading order. A block nested in another (a list inside
 * a list item) splits its parent: the parent's text before and after it become blocks of their own.
 */
export function textBlocks(html: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  type Open = { tag: string | null; type: BlockType; level: number; parts: string[] };
  const suspended: Open[] = [];
  let current: Open | null = null;

  const flush = (open: Open | null) => {
    if (!open) return;
    const text = open.parts.join('').normalize('NFC').replace(/\s+/gu, ' ').trim();
    open.parts = [];
    if (text !== '') blocks.push({ type: open.type, level: open.level, text });
  };

  const token = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>|([^<]+)|</gi;
  for (let match = token.exec(html); match !== null; match = token.exec(html)) {
    const [, closing, rawTag, text] = match;
    if (text !== undefined || rawTag === undefined) {
      const value = text === undefined ? '<' : decodeEntities(text);
      current ??= { tag: null, type: 'paragraph', level: 0, parts: [] };
      current.parts.push(value);
      continue;
    }
    const tag = rawTag.toLowerCase();
    const block = blockTags[tag];
    if (block && !closing) {
      flush(current);
      if (current?.tag) suspended.push(current);
      current = { tag, ...block, parts: [] };
    } else if (block && closing) {
      if (current?.tag === tag) {
        flush(current);
        current = suspended.pop() ?? null;
      }
    } else if (tag === 'br') {
      current?.parts.push(' ');
    } else if (boundaryTags.has(tag)) {
      if (current?.tag === null) {
        flush(current);
        current = null;
      } else {
        flush(current);
      }
    }
  }
  flush(current);
  for (const open of suspended.reverse()) flush(open);
  return blocks;
}

const blockKey = (block: TextBlock) => `${block.type}:${block.level}:${block.text}`;

/**
 * Compares two rendered documents. `before` is null for a procedure's first version: every block
 * of the draft is then new.
 */
export function compareDocuments(beforeHtml: string | null, afterHtml: string): DocumentComparison {
  const after = textBlocks(afterHtml);
  const before = beforeHtml === null ? [] : textBlocks(beforeHtml);
  const changes = diffArrays(before.map(blockKey), after.map(blockKey), { maxEditLength: maxBlockEdits });
  if (!changes) return { state: 'too-large' };

  const blocks: ComparedBlock[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let removedRun: TextBlock[] = [];
  let addedRun: TextBlock[] = [];
  const budget = { chars: maxWordDiffChars };
  const closeRun = () => {
    blocks.push(...pairRuns(removedRun, addedRun, budget));
    removedRun = [];
    addedRun = [];
  };
  for (const change of changes) {
    const count = change.count;
    if (change.removed) {
      removedRun.push(...before.slice(oldIndex, oldIndex + count));
      oldIndex += count;
    } else if (change.added) {
      addedRun.push(...after.slice(newIndex, newIndex + count));
      newIndex += count;
    } else {
      closeRun();
      for (const block of after.slice(newIndex, newIndex + count)) blocks.push(whole(block, 'same'));
      oldIndex += count;
      newIndex += count;
    }
  }
  closeRun();

  const counts = { added: 0, removed: 0, changed: 0 };
  for (const block of blocks) if (block.change !== 'same') counts[block.change] += 1;
  return { state: 'compared', blocks, counts };
}

function whole(block: TextBlock, change: 'same' | 'added' | 'removed'): ComparedBlock {
  return { type: block.type, level: block.level, change, segments: [{ kind: change, text: block.text }] };
}

/**
 * A run of removed blocks followed by added ones is an edit of that stretch: blocks in the same
 * position and of the same type whose words overlap enough are shown as one changed block;
 * the rest as removed or added whole, removals first.
 */
function pairRuns(removed: TextBlock[], added: TextBlock[], budget: { chars: number }): ComparedBlock[] {
  const result: ComparedBlock[] = [];
  const paired = Math.min(removed.length, added.length);
  for (let index = 0; index < paired; index += 1) {
    const oldBlock = removed[index]!;
    const newBlock = added[index]!;
    const comparable = oldBlock.type === newBlock.type && oldBlock.level === newBlock.level;
    const size = oldBlock.text.length + newBlock.text.length;
    const segments = comparable && size <= budget.chars ? wordSegments(oldBlock, newBlock) : null;
    if (comparable) budget.chars -= size;
    if (segments) result.push({ type: newBlock.type, level: newBlock.level, change: 'changed', segments });
    else result.push(whole(oldBlock, 'removed'), whole(newBlock, 'added'));
  }
  for (const block of removed.slice(paired)) result.push(whole(block, 'removed'));
  for (const block of added.slice(paired)) result.push(whole(block, 'added'));
  return result;
}

/** Word-level segments of one changed block, or null when the two texts have too little in common. */
function wordSegments(oldBlock: TextBlock, newBlock: TextBlock): DiffSegment[] | null {
  const changes = diffWords(oldBlock.text, newBlock.text, { maxEditLength: maxWordEdits });
  if (!changes) return null;
  const segments: DiffSegment[] = [];
  let common = 0;
  for (const change of changes) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    if (kind === 'same') common += change.value.trim().length;
    const last = segments.at(-1);
    if (last?.kind === kind) last.text += change.value;
    else segments.push({ kind, text: change.value });
  }
  const longest = Math.max(oldBlock.text.length, newBlock.text.length);
  return common / longest >= pairingSimilarity ? segments : null;
}
