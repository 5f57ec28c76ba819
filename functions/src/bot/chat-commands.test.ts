import { describe, expect, it } from 'vitest';
import { maxQueryLength, parseChatCommand, withoutMentions } from './chat-commands.js';

describe('parseChatCommand', () => {
  it.each([
    ['hej', { kind: 'help' }],
    ['Hej!', { kind: 'help' }],
    ['  ', { kind: 'help' }],
    ['hjælp', { kind: 'help' }],
    ['hjelp', { kind: 'help' }],
    ['Help?', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['mine opgaver', { kind: 'tasks' }],
    ['Mine  Opgaver.', { kind: 'tasks' }],
    ['mine oppgaver', { kind: 'tasks' }],
    ['my tasks', { kind: 'tasks' }],
    ['søg dispensation', { kind: 'search', query: 'dispensation' }],
    ['Søg: Dispensation fra lokalplan', { kind: 'search', query: 'Dispensation fra lokalplan' }],
    ['søk dispensasjon', { kind: 'search', query: 'dispensasjon' }],
    ['search building permit', { kind: 'search', query: 'building permit' }],
    ['søg', { kind: 'search', query: '' }],
    ['søgning', { kind: 'unknown' }],
    ['hvad er klokken', { kind: 'unknown' }],
    ['mine opgaver i morgen', { kind: 'unknown' }],
  ] as const)('%j is %j', (text, command) => {
    expect(parseChatCommand(text)).toEqual(command);
  });

  it('caps the query', () => {
    const command = parseChatCommand(`søg ${'a'.repeat(500)}`);
    expect(command).toEqual({ kind: 'search', query: 'a'.repeat(maxQueryLength) });
  });
});

describe('withoutMentions', () => {
  it.each([
    ['<at>Kvalitetshåndbog</at> søg dispensation', 'søg dispensation'],
    ['søg <at id="0">Kvalitetshåndbog</at>&nbsp;byggesag', 'søg byggesag'],
    ['hej', 'hej'],
  ])('%j → %j', (text, expected) => {
    expect(withoutMentions(text)).toBe(expected);
  });
});
