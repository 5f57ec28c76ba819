import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../core/local-date.js';
import type { YearlyReportData } from '../core/yearly-report.js';
import { yearlyReportSections, yearlyReportView } from './yearly-report-content.js';

const d = (value: string) => value as LocalDate;

const data: YearlyReportData = {
  year: 2025,
  organisationName: 'Eksempel Kommune · Teknik og Miljø',
  asOf: d('2025-12-31'),
  structure: [
    {
      level: 'core',
      areas: [
        {
          area: 'Byg',
          procedures: [
            {
              code: 'K-20',
              title: 'Byggetilladelse efter BR18',
              version: '2.0',
              approvedOn: d('2025-11-21'),
              nextReviewOn: d('2027-11-21'),
              legalBasis: ['Byggeloven'],
              standards: ['ISO 9001:2015 8.5.1'],
            },
          ],
        },
      ],
    },
  ],
  policy: {
    text: { da: 'Vi træffer rigtige afgørelser.\n\nVi lærer af fejl.' },
    adoptedBy: 'Byrådet',
    adoptedOn: d('2025-03-12'),
  },
  goals: [
    {
      title: '95 % inden for servicemål',
      target: { direction: 'at-least', value: 95, unit: 'percent' },
      value: 94.1,
      colour: 'yellow',
    },
    {
      title: 'Mediantid højst 35 dage',
      target: { direction: 'at-most', value: 35, unit: 'days' },
      value: 28,
      colour: 'green',
    },
  ],
  surveys: [],
  audits: [],
  certificate: null,
  evaluation: {
    heldOn: d('2026-03-12'),
    conclusions: 'Systemet virker.',
    decisions: [{ text: 'Oplæring af nye', dueOn: d('2026-06-01') }],
    committee: 'Teknik- og Miljøudvalget',
    committeeOn: d('2026-04-22'),
  },
  structureAsOf: d('2025-12-31'),
  register: {
    byKind: { praise: 4, complaint: 12, suggestion: 7, deviation: 21 },
    total: 44,
    replyCompliance: { answerable: 30, answeredInTime: 24, answeredLate: 4, overdueUnanswered: 2, share: 0.8 },
    replyDeadlines: {
      praise: { unit: 'working-days', count: 10 },
      complaint: { unit: 'working-days', count: 10 },
      suggestion: { unit: 'working-days', count: 10 },
      deviation: { unit: 'working-days', count: 10 },
    },
    rootCauses: [
      { label: { da: 'Manglende oplæring', nb: 'Manglende opplæring', en: 'Missing training' }, count: 9 },
      { label: { da: 'Uklar procedure', nb: 'Uklar prosedyre', en: 'Unclear procedure' }, count: 5 },
    ],
    closedItems: 38,
    actionsStarted: 3,
    actionsClosed: 1,
  },
};

describe('the yearly report as blocks', () => {
  it('has the sections in the order municipalities publish them, one builder each', () => {
    const view = yearlyReportView({ kind: 'preview', data }, 'da');
    expect(view.sections).toHaveLength(yearlyReportSections.length);
    expect(view.sections.map((section) => section.heading)).toEqual([
      'Kvalitetsstyringssystemets opbygning',
      'Kvalitetspolitik',
      'Kvalitetsmål og status',
      'Brugertilfredshedsundersøgelser',
      'Ros, klager, forslag og afvigelser',
      'Resultater fra intern og ekstern audit',
      'Ledelsens evaluering',
      'Politisk behandling',
    ]);
    expect(view.notice).not.toBeNull();
  });

  it('gives the goals chart an alt text that says every goal’s value, target and status, and a table beside it', () => {
    const goals = yearlyReportView({ kind: 'preview', data }, 'da').sections.find((section) => section.id === 'goals')!;
    const chart = goals.blocks.find((block) => block.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.alt).toContain(
      '95 % inden for servicemål: 94,1 %, målsætning mindst 95 % (Tæt på).',
    );
    expect(chart?.kind === 'chart' && chart.alt).toContain(
      'Mediantid højst 35 dage: 28 dage, målsætning højst 35 dage (Nået).',
    );
    const table = goals.blocks.find((block) => block.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['95 % inden for servicemål', 'mindst 95 %', '94,1 %', 'Tæt på'],
      ['Mediantid højst 35 dage', 'højst 35 dage', '28 dage', 'Nået'],
    ]);
  });

  it('says what is missing instead of leaving a section empty, and speaks Norwegian', () => {
    const view = yearlyReportView({ kind: 'preview', data: { ...data, certificate: null, surveys: [] } }, 'nb');
    const audits = view.sections.find((section) => section.id === 'audits')!;
    expect(audits.blocks).toContainEqual({ kind: 'paragraph', text: 'Ikke noe sertifikat registrert.' });
    expect(view.title).toBe('Kvalitetsrapport 2025');
    expect(view.sections[0]!.heading).toBe('Kvalitetssystemets oppbygning');
    const political = view.sections.find((section) => section.id === 'political')!;
    expect(political.blocks).toEqual([
      {
        kind: 'facts',
        rows: [
          ['Behandlet av', 'Teknik- og Miljøudvalget'],
          ['Dato', '22.04.2026'],
        ],
      },
    ]);
  });
});

describe('the register’s section', () => {
  const section = (view: ReturnType<typeof yearlyReportView>) =>
    view.sections.find((candidate) => candidate.id === 'register');

  it('counts per kind with a total, reply-time compliance against the deadline, the top causes and what was done', () => {
    const register = section(yearlyReportView({ kind: 'preview', data }, 'da'))!;
    expect(register.heading).toBe('Ros, klager, forslag og afvigelser');
    const [byKind, causes] = register.blocks.filter((block) => block.kind === 'table');
    expect(byKind?.kind === 'table' && byKind.rows).toEqual([
      ['Ros', '4'],
      ['Klager', '12'],
      ['Forslag', '7'],
      ['Afvigelser', '21'],
      ['I alt', '44'],
    ]);
    expect(causes?.kind === 'table' && causes.rows).toEqual([
      ['Manglende oplæring', '9'],
      ['Uklar procedure', '5'],
    ]);
    const facts = register.blocks.filter((block) => block.kind === 'facts').flatMap((block) => block.rows);
    expect(facts).toContainEqual(['Besvaret inden for svarfristen', '80\u00A0%']);
    expect(facts).toContainEqual(['Svarfrist', '10 arbejdsdage']);
    expect(facts).toContainEqual(['Korrigerende handlinger startet på henvendelser', '3']);
    expect(register.blocks).toContainEqual({
      kind: 'paragraph',
      text: '24 af 30 henvendelser med svarfrist blev besvaret inden for fristen. 4 blev besvaret for sent, og 2 manglede svar efter fristen, da tallene blev opgjort.',
    });
  });

  it('shows the reply-time goal beside the compliance, when one is set', () => {
    const facts = (view: ReturnType<typeof yearlyReportView>) =>
      section(view)!
        .blocks.filter((block) => block.kind === 'facts')
        .flatMap((block) => block.rows);
    expect(facts(yearlyReportView({ kind: 'preview', data }, 'da')).map(([label]) => label)).not.toContainEqual(
      expect.stringContaining('Kvalitetsmål'),
    );
    const withGoal = {
      ...data,
      goals: [
        ...data.goals,
        {
          title: 'Henvendelser besvares inden for fristen',
          target: { direction: 'at-least', value: 95, unit: 'percent' } as const,
          value: 80,
          colour: 'red' as const,
          isReplyTimeGoal: true,
        },
      ],
    };
    expect(facts(yearlyReportView({ kind: 'preview', data: withGoal }, 'da'))).toContainEqual([
      'Kvalitetsmål: Henvendelser besvares inden for fristen',
      'mindst 95 % (Ikke nået)',
    ]);
    expect(facts(yearlyReportView({ kind: 'preview', data: withGoal }, 'en'))).toContainEqual([
      'Quality goal: Henvendelser besvares inden for fristen',
      'at least 95 % (Not met)',
    ]);
  });

  it('speaks Norwegian and English, and names each kind’s deadline when they differ', () => {
    const differing = {
      ...data,
      register: {
        ...data.register!,
        replyDeadlines: { ...data.register!.replyDeadlines, complaint: { unit: 'months', count: 1 } as const },
      },
    };
    const nb = section(yearlyReportView({ kind: 'preview', data: differing }, 'nb'))!;
    expect(nb.heading).toBe('Ros, klager, forslag og avvik');
    const facts = nb.blocks.filter((block) => block.kind === 'facts').flatMap((block) => block.rows);
    expect(facts).toContainEqual([
      'Svarfrist',
      'Ros: 10 virkedager\nKlager: 1 måned\nForslag: 10 virkedager\nAvvik: 10 virkedager',
    ]);
    const causes = nb.blocks.filter((block) => block.kind === 'table')[1];
    expect(causes?.kind === 'table' && causes.rows[0]).toEqual(['Manglende opplæring', '9']);
    expect(section(yearlyReportView({ kind: 'preview', data }, 'en'))!.heading).toBe(
      'Praise, complaints, suggestions and deviations',
    );
  });

  it('is left out of a report published before the register was part of it, which still renders', () => {
    const { register: _register, structureAsOf: _structureAsOf, ...old } = data;
    const view = yearlyReportView({ kind: 'preview', data: old }, 'da');
    expect(section(view)).toBeUndefined();
    expect(view.sections).toHaveLength(yearlyReportSections.length - 1);
    // Without the day the structure was taken, the old wording ("the procedures in force").
    expect(view.sections[0]!.blocks[0]).toMatchObject({ text: expect.stringContaining('de gældende procedurer') });
    const current = yearlyReportView({ kind: 'preview', data }, 'da');
    expect(current.sections[0]!.blocks[0]).toMatchObject({
      text: expect.stringContaining('som de var gældende 31-12-2025'),
    });
  });
});

describe('the printed footer', () => {
  const report = {
    id: 'yearly-report-2025-r1',
    year: 2025,
    revision: 1,
    content: data,
    publishedAt: '2026-04-22T10:00:00.000Z',
    publishedOn: d('2026-04-22'),
    publishedBy: 'mette-kjaer',
    correctionReason: null,
    createdAt: '2026-04-22T10:00:00.000Z',
    updatedAt: '2026-04-22T10:00:00.000Z',
    updatedBy: 'mette-kjaer',
    etag: 1,
  };

  it('says when the report was published and, on a later print, when it was printed; never the figures’ day', () => {
    const later = yearlyReportView({ kind: 'published', report }, 'da', d('2026-12-07'));
    expect(later.footer).toBe(
      'Eksempel Kommune · Teknik og Miljø · Kvalitetsrapport 2025 · Offentliggjort 22-04-2026 · Udskrevet 07-12-2026',
    );
    expect(yearlyReportView({ kind: 'published', report }, 'da', d('2026-04-22')).footer).not.toContain('Udskrevet');
    expect(yearlyReportView({ kind: 'published', report }, 'nb', d('2026-12-07')).footer).toContain(
      'Publisert 22.04.2026 · Skrevet ut 07.12.2026',
    );
    expect(yearlyReportView({ kind: 'preview', data }, 'en', d('2026-12-07')).footer).toBe(
      'Eksempel Kommune · Teknik og Miljø · Quality report 2025 · Printed 7 Dec 2026',
    );
  });
});
