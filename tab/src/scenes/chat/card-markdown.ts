/**
 * The Markdown subset Teams renders in a card's TextBlock: **bold**, _italic_ (or *italic*),
 * [links](https://…), bulleted and numbered lists, paragraphs (a single line break is a space,
 * as in CommonMark) and backslash escapes (`\*` is a literal `*`; the bot escapes user text
 * this way). Everything is HTML-escaped, and links other than http(s), mailto and same-site
 * paths stay plain text, so the result is safe for the renderer to put into the page.
 */
export function cardMarkdownToHtml(text: string): string {
  // Escaped characters become placeholders so no rule below sees them, and are put back last.
  const escaped: string[] = [];
  const protectedText = text.replace(/\\([!-/:-@[-`{-~])/g, (_whole, character: string) => {
    escaped.push(character);
    return `\uE000${escaped.length - 1}\uE001`;
  });
  const lines = protectedText.replace(/\r\n?/g, '\n').split('\n');

  // Consecutive lines of one kind form a block: a paragraph, a bulleted or a numbered list.
  const blocks: { kind: 'p' | 'ul' | 'ol'; lines: string[] }[] = [];
  let previousBlank = true;
  for (const line of lines) {
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      previousBlank = true;
      continue;
    }
    const kind = bullet ? 'ul' : numbered ? 'ol' : 'p';
    const content = (bullet ?? numbered)?.[1] ?? line;
    const last = blocks.at(-1);
    if (last && last.kind === kind && !(kind === 'p' && previousBlank)) last.lines.push(content);
    else blocks.push({ kind, lines: [content] });
    previousBlank = false;
  }

  const html = blocks.map((block) =>
    block.kind === 'p'
      ? `<p>${formatInline(block.lines.join('\n'))}</p>`
      : `<${block.kind}>${block.lines.map((item) => `<li>${formatInline(item)}</li>`).join('')}</${block.kind}>`,
  );
  return html
    .join('')
    .replace(/\uE000(\d+)\uE001/g, (_whole, index: string) => escapeHtml(escaped[Number(index)] ?? ''));
}

function formatInline(text: string): string {
  let html = escapeHtml(text);
  html = html.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, href: string) => {
    const url = unescapeHtml(href);
    return isSafeHref(url) ? `<a href="${escapeHtml(url)}">${label}</a>` : whole;
  });
  html = html.replace(/\*\*(?=\S)(.+?)\*\*/g, '<strong>$1</strong>');
  html = html.replace(/(^|[^\w*])[_*](?=\S)([^_*]+?)[_*](?![\w*])/g, '$1<em>$2</em>');
  return html;
}

function isSafeHref(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url) || (url.startsWith('/') && !url.startsWith('//'));
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}
