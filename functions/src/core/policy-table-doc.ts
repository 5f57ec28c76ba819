/** The policy table's place in docs/security.md: between these two markers. */
export const policyTableStart = '<!-- policy-table:start -->';
export const policyTableEnd = '<!-- policy-table:end -->';

export function policyTableIn(document: string): string | null {
  const start = document.indexOf(policyTableStart);
  const end = document.indexOf(policyTableEnd);
  if (start === -1 || end < start) return null;
  return document.slice(start + policyTableStart.length, end).trim();
}

export function withPolicyTable(document: string, table: string): string {
  const start = document.indexOf(policyTableStart);
  const end = document.indexOf(policyTableEnd);
  if (start === -1 || end < start) throw new Error('docs/security.md has no policy-table markers');
  return `${document.slice(0, start + policyTableStart.length)}\n${table}\n${document.slice(end)}`;
}

/**
 * A Markdown table without its layout (Prettier pads the cells of docs/security.md), so the test
 * compares what the table says.
 */
export function normaliseTable(table: string): string {
  return table
    .trim()
    .split('\n')
    .map((line) =>
      line
        .trim()
        .split('|')
        .map((cell) => {
          const trimmed = cell.trim();
          if (!/^:?-+:?$/.test(trimmed)) return trimmed;
          return `${trimmed.startsWith(':') ? ':' : ''}-${trimmed.endsWith(':') ? ':' : ''}`;
        })
        .join('|'),
    )
    .join('\n');
}
