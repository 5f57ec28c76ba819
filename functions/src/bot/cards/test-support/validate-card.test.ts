// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cardByteLimit, checkCard } from './validate-card.js';

const base = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hej', wrap: true }] };

describe('checkCard', () => {
  it('accepts a plain card', () => {
    expect(checkCard(base)).toEqual({ schema: [], renderer: [], bytes: expect.any(Number) });
  });

  it('reports a property the schema does not know', () => {
    expect(checkCard({ ...base, msteams: { width: 'Full' } }).schema).not.toEqual([]);
  });

  it('reports what the renderer warns about', () => {
    const card = { ...base, body: [{ type: 'Input.Text', id: 'comment', isRequired: true }] };
    expect(checkCard(card).renderer).toEqual(
      expect.arrayContaining([expect.stringContaining('RequiredInputsShouldHaveLabel')]),
    );
    expect(checkCard({ ...base, body: [{ type: 'Carousel' }] }).renderer).not.toEqual([]);
  });

  it('measures the JSON in UTF-8 bytes', () => {
    const card = { ...base, body: [{ type: 'TextBlock', text: 'æ'.repeat(cardByteLimit / 2), wrap: true }] };
    expect(checkCard(card).bytes).toBeGreaterThan(cardByteLimit);
  });
});

describe('checkCard on URLs', () => {
  it('reports a link that is not a URL', () => {
    const card = { ...base, actions: [{ type: 'Action.OpenUrl', title: 'Åbn', url: 'not a url' }] };
    expect(checkCard(card).schema).not.toEqual([]);
  });
});
