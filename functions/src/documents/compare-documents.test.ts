import { describe, expect, it } from 'vitest';
import { compareDocuments, maxBlockEdits, textBlocks, type DocumentComparison } from './compare-documents.js';
import { renderDocument } from './render-document.js';

describe('textBlocks: the readable blocks of sanitised HTML', () => {
  it.each([
    [
      'headings keep their level',
      '<h1>Formål</h1><h3>Ansvar</h3>',
      [
        ['heading', 1, 'Formål'],
        ['heading', 3, 'Ansvar'],
      ],
    ],
    ['paragraphs, whitespace collapsed', '<p>Et  afsnit\n med\tluft</p>', [['paragraph', 0, 'Et afsnit med luft']]],
    [
      'inline markup is text',
      '<p>Brug <strong>altid</strong> <a href="https://x.dk">skabelonen</a>.</p>',
      [['paragraph', 0, 'Brug altid skabelonen.']],
    ],
    ['entities decoded', '<p>A &amp; B &lt;3 &quot;C&quot; &#230;&#xF8;</p>', [['paragraph', 0, 'A & B <3 "C" æø']]],
    [
      'list items',
      '<ul><li>En</li><li>To</li></ul>',
      [
        ['list-item', 0, 'En'],
        ['list-item', 0, 'To'],
      ],
    ],
    [
      'a nested list splits its parent item',
      '<ol><li>Før<ul><li>Indre</li></ul>efter</li></ol>',
      [
        ['list-item', 0, 'Før'],
        ['list-item', 0, 'Indre'],
        ['list-item', 0, 'efter'],
      ],
    ],
    [
      'table cells',
      '<table><tr><th>Rolle</th><td>Leder</td></tr></table>',
      [
        ['table-cell', 0, 'Rolle'],
        ['table-cell', 0, 'Leder'],
      ],
    ],
    [
      'loose text becomes a paragraph',
      'Løs tekst<ul><li>Punkt</li></ul>',
      [
        ['paragraph', 0, 'Løs tekst'],
        ['list-item', 0, 'Punkt'],
      ],
    ],
    ['line breaks are spaces', '<p>En<br />linje</p>', [['paragraph', 0, 'En linje']]],
    ['empty blocks are dropped', '<p> </p><p></p><h2>Titel</h2>', [['heading', 2, 'Titel']]],
    ['PDF has no text', '', []],
  ])('%s', (_, html, expected) => {
    expect(textBlocks(html).map((block) => [block.type, block.level, block.text])).toEqual(expected);
  });
});

type Row = [change: string, segments: string];
/** A compact view of a comparison: per block its change and its segments as [+added] [-removed] same. */
function rows(comparison: DocumentComparison): Row[] {
  if (comparison.state !== 'compared') throw new Error(comparison.state);
  return comparison.blocks.map((block) => [
    block.change,
    block.segments
      .map((segment) =>
        segment.kind === 'added'
          ? `[+${segment.text}]`
          : segment.kind === 'removed'
            ? `[-${segment.text}]`
            : segment.text,
      )
      .join(''),
  ]);
}

describe('compareDocuments: what the approver reads before deciding', () => {
  it.each<[string, string | null, string, Row[]]>([
    ['identical documents: all same', '<p>Uændret</p>', '<p>Uændret</p>', [['same', 'Uændret']]],
    [
      'a first version: everything is new',
      null,
      '<h1>Ny</h1><p>Tekst</p>',
      [
        ['added', '[+Ny]'],
        ['added', '[+Tekst]'],
      ],
    ],
    [
      'a word replaced inside a paragraph',
      '<p>Ring til vagten inden for 24 timer.</p>',
      '<p>Ring til vagten inden for 12 timer.</p>',
      [['changed', 'Ring til vagten inden for [-24][+12] timer.']],
    ],
    [
      'an inserted paragraph between unchanged ones',
      '<p>Første</p><p>Sidste</p>',
      '<p>Første</p><p>Midterste</p><p>Sidste</p>',
      [
        ['same', 'Første'],
        ['added', '[+Midterste]'],
        ['same', 'Sidste'],
      ],
    ],
    [
      'a deleted list item',
      '<ul><li>Hjelm</li><li>Handsker</li><li>Vest</li></ul>',
      '<ul><li>Hjelm</li><li>Vest</li></ul>',
      [
        ['same', 'Hjelm'],
        ['removed', '[-Handsker]'],
        ['same', 'Vest'],
      ],
    ],
    [
      'a rewritten paragraph is removed and added whole, not shredded',
      '<p>Kontakt driftslederen om morgenen.</p>',
      '<p>Alle skader fotograferes straks.</p>',
      [
        ['removed', '[-Kontakt driftslederen om morgenen.]'],
        ['added', '[+Alle skader fotograferes straks.]'],
      ],
    ],
    [
      'a paragraph that became a heading is not word-diffed',
      '<p>Ansvar</p>',
      '<h2>Ansvar</h2>',
      [
        ['removed', '[-Ansvar]'],
        ['added', '[+Ansvar]'],
      ],
    ],
    [
      'Danish letters are word characters',
      '<p>Følg kørselsvejledningen på pladsen.</p>',
      '<p>Følg kørselsvejledningen på værkstedet.</p>',
      [['changed', 'Følg kørselsvejledningen på [-pladsen][+værkstedet].']],
    ],
  ])('%s', (_, before, after, expected) => {
    expect(rows(compareDocuments(before, after))).toEqual(expected);
  });

  it('counts the blocks added, removed and changed', () => {
    const comparison = compareDocuments(
      '<p>A b c d</p><p>Væk</p><p>Bliver</p>',
      '<p>A b x d</p><p>Bliver</p><p>Ny</p>',
    );
    expect(comparison.state === 'compared' && comparison.counts).toEqual({ added: 1, removed: 1, changed: 1 });
  });

  it('refuses a comparison too large to compute rather than taking the server down', () => {
    const many = (prefix: string) =>
      Array.from({ length: maxBlockEdits + 10 }, (_, index) => `<p>${prefix} ${index}</p>`).join('');
    expect(compareDocuments(many('gammel'), many('ny')).state).toBe('too-large');
  });

  it('compares what render-document produced from Markdown', async () => {
    const before = await renderDocument(new TextEncoder().encode('# Vintertjeneste\n\nSalt ved frost.\n'), 'markdown');
    const after = await renderDocument(
      new TextEncoder().encode('# Vintertjeneste\n\nSalt og grus ved frost.\n\n- Ring til vagten\n'),
      'markdown',
    );
    expect(rows(compareDocuments(before.html, after.html))).toEqual([
      ['same', 'Vintertjeneste'],
      ['changed', 'Salt [+og grus ]ved frost.'],
      ['added', '[+Ring til vagten]'],
    ]);
  });
});
