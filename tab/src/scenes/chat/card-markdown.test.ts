import { describe, expect, it } from 'vitest';
import { cardMarkdownToHtml } from './card-markdown';

describe('cardMarkdownToHtml', () => {
  it.each([
    ['plain text', 'Godkendt af Mette', '<p>Godkendt af Mette</p>'],
    ['bold and italic', '**K-16** er _godkendt_', '<p><strong>K-16</strong> er <em>godkendt</em></p>'],
    ['snake_case stays', 'fil_navn_her', '<p>fil_navn_her</p>'],
    ['a single line break is a space', 'a\nb', '<p>a\nb</p>'],
    [
      'backslash escapes',
      'K\\-16 \\*\\*ikke fed\\*\\* \\[a\\](b) \\<b\\>',
      '<p>K-16 **ikke fed** [a](b) &lt;b&gt;</p>',
    ],
    ['escaped list start', '1\\. punkt', '<p>1. punkt</p>'],
    ['paragraphs', 'a\n\nb', '<p>a</p><p>b</p>'],
    ['bullets', '- en\n- to', '<ul><li>en</li><li>to</li></ul>'],
    ['numbers', '1. en\n2. to', '<ol><li>en</li><li>to</li></ol>'],
    ['link', '[Åbn](https://x.dk/a?b=1&c=2)', '<p><a href="https://x.dk/a?b=1&amp;c=2">Åbn</a></p>'],
    ['site path link', '[Åbn](/procedures/K-16)', '<p><a href="/procedures/K-16">Åbn</a></p>'],
    ['script link stays text', '[x](javascript:alert(1))', '<p>[x](javascript:alert(1))</p>'],
    ['html is escaped', '<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
    [
      'quotes in links are escaped',
      '[x](https://a.dk/"onmouseover=")',
      '<p><a href="https://a.dk/&quot;onmouseover=&quot;">x</a></p>',
    ],
  ])('%s', (_name, input, expected) => {
    expect(cardMarkdownToHtml(input)).toBe(expected);
  });
});
