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
