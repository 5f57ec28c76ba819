// @vitest-environment jsdom
import type { Locale } from '../../core/locale.js';
import { describe, expect, it } from 'vitest';
import { helpCard } from './help-card.js';
import { procedureCard, procedurePreview, type ProcedureCardModel } from './procedure-card.js';
import { tasksCard, type TaskLine } from './tasks-card.js';
import { allActions, executeActions, visibleText } from './test-support/card-query.js';
import { expectValidCard } from './test-support/validate-card.js';

const locales: Locale[] = ['da', 'nb', 'en'];

const procedure: ProcedureCardModel = {
  procedure: { id: 'p-k16', code: 'K-16', title: 'Dispensation fra lokalplan' },
  area: 'Byggeri',
  unitName: 'Byggeri og Plan',
  ownerName: 'Peter Lund',
  versionLabel: '2.1',
  nextReviewOn: '2026-12-04',
  snippet: [
    { text: 'Ansøgning om ', isMatch: false },
    { text: 'dispensation', isMatch: true },
    { text: ' behandles *inden* for [30] dage…', isMatch: false },
  ],
  openUrl: 'https://kh.example.dk/procedures/p-k16',
};

const line = (code: string): TaskLine => ({
  procedure: { id: `p-${code}`, code, title: `Procedure ${code}` },
  detail: 'Venter siden 01-03-2026',
  openUrl: `https://kh.example.dk/procedures/p-${code}`,
});

describe('procedureCard', () => {
  for (const locale of locales) {
    it(`is a valid Teams card (${locale})`, () => {
      expectValidCard(procedureCard(procedure, locale));
      expectValidCard(
        procedureCard({ ...procedure, versionLabel: null, nextReviewOn: null, unitName: null, snippet: [] }, locale),
      );
    });
  }

  it('shows the facts, the matched word in bold with user text escaped, and only a link', () => {
    const card = procedureCard(procedure, 'da');
    const text = visibleText(card);
    expect(text).toContain('K-16 Dispensation fra lokalplan');
    expect(text).toContain('Ansøgning om **dispensation** behandles');
    expect(text).toContain('\\*inden\\*');
    expect(text).toContain('Byggeri og Plan');
    expect(text).toContain('04-12-2026');
    expect(executeActions(card)).toHaveLength(0);
    expect(allActions(card)).toEqual([
      { type: 'Action.OpenUrl', title: 'Åbn procedure', url: 'https://kh.example.dk/procedures/p-k16' },
    ]);
  });

  it('has a plain-text preview for the message extension’s result list', () => {
    expect(procedurePreview(procedure, 'en')).toEqual({
      title: 'K-16 Dispensation fra lokalplan',
      subtitle: 'Byggeri · Byggeri og Plan · 2.1',
      text: 'Ansøgning om dispensation behandles *inden* for [30] dage…',
    });
    expect(procedurePreview({ ...procedure, versionLabel: null }, 'nb').subtitle).toContain('Ikke publisert');
  });
});

describe('helpCard', () => {
  it.each([
    ['da', ['søg …', 'mine opgaver', 'hjælp']],
    ['nb', ['søk …', 'mine oppgaver', 'hjelp']],
    ['en', ['search …', 'my tasks', 'help']],
  ] as const)('lists the commands in %s', (locale, commands) => {
    const card = helpCard(locale, { notice: 'Ingen procedurer matcher »x«.', handbookUrl: 'https://kh.example.dk/' });
    expectValidCard(card);
    for (const command of commands) expect(visibleText(card)).toContain(command);
    expect(visibleText(card).startsWith('Ingen procedurer matcher')).toBe(true);
  });
});

describe('tasksCard', () => {
  for (const locale of locales) {
    it(`is a valid Teams card, empty and full (${locale})`, () => {
      const empty = {
        approvals: [],
        acknowledgements: [],
        reviews: [],
        drafts: [],
        tasksUrl: 'https://kh.example.dk/tasks',
      };
      expectValidCard(tasksCard(empty, locale));
      const many = Array.from({ length: 40 }, (_, index) => line(`K-${index}`));
      expectValidCard(
        tasksCard({ ...empty, approvals: many, acknowledgements: many, reviews: many, drafts: many }, locale),
      );
    });
  }

  it('groups the tasks, caps each group with a count of the rest, and links every line into the tab', () => {
    const card = tasksCard(
      {
        approvals: [line('K-1')],
        acknowledgements: [],
        reviews: Array.from({ length: 7 }, (_, index) => line(`R-${index}`)),
        drafts: [],
        tasksUrl: 'https://kh.example.dk/tasks',
      },
      'da',
    );
    const text = visibleText(card);
    expect(text).toContain('Godkendelser (1)');
    expect(text).toContain('Periodisk gennemgang (7)');
    expect(text).toContain('… og 2 mere');
    expect(text).not.toContain('Kladder');
    const urls = allActions(card).map((action) => action.url);
    expect(urls).toContain('https://kh.example.dk/procedures/p-K-1');
    expect(urls).toContain('https://kh.example.dk/tasks');
    expect(
      visibleText(tasksCard({ approvals: [], acknowledgements: [], reviews: [], drafts: [], tasksUrl: 'x:' }, 'en')),
    ).toContain('You have no tasks right now.');
  });
});
