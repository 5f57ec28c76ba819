import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  goalDetailSchema,
  goalListSchema,
  qualityPolicyViewSchema,
} from '../../functions/src/contract/goal-schemas.js';
import { startLocalServer, type LocalServer } from '../../functions/src/hosts/local/server.js';
import { apiGet, type ApiGet } from '../support/e2e.js';
import { freshSeededDataDir } from '../support/seeded-template.js';

/** The demo municipality's quality policy, goals and case data (constructed; functions/src/seed/demo-goals.ts). */
let server: LocalServer;
let dataDir: string;
let get: ApiGet;

beforeAll(async () => {
  dataDir = await freshSeededDataDir('kh-demo-goals-');
  server = await startLocalServer({
    port: 0,
    dataDir,
    seedDemo: false,
    mode: 'local',
    sweepOnTimer: false,
    quiet: true,
  });
  get = apiGet(server.url);
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('demo goals', () => {
  it('has a published policy adopted by Byrådet', async () => {
    const view = await get<z.infer<typeof qualityPolicyViewSchema>>('/quality-policy', 'karen-holt');
    expect(view.policy?.adoptedBy).toBe('Byrådet');
    expect(view.policy?.isPublished).toBe(true);
    expect(view.abilities.edit).toBe(false);
  });

  it('shows the 95 % goal needing attention, with a backlog and per case type figures', async () => {
    const list = await get<z.infer<typeof goalListSchema>>('/goals', 'mette-kjaer');
    expect(list.goals).toHaveLength(3);
    const cases = list.goals.find((goal) => goal.measurement.kind === 'cases');
    const survey = list.goals.find((goal) => goal.measurement.kind === 'survey');
    expect(cases?.title).toMatch(/^95 %/);
    expect(['yellow', 'red']).toContain(cases?.lastReading?.colour);
    // The seed's last step points the survey goal at the demo survey (linkDemoSurveyGoals).
    expect(survey?.measurement).toEqual({ kind: 'survey', surveyId: 'demo-tilfredshed' });
    const detail = await get<z.infer<typeof goalDetailSchema>>(`/goals/${cases?.id}`, 'mette-kjaer');
    const statistics = detail.statistics!;
    expect(statistics.backlog).toBeGreaterThanOrEqual(7);
    expect(statistics.months.length).toBeGreaterThanOrEqual(12);
    const shares = new Map(statistics.byCaseType.map((group) => [group.key, group.figures.sharePercent ?? 0]));
    expect(shares.get('Simple konstruktioner')).toBeGreaterThanOrEqual(95);
    expect(shares.get('Enfamiliehuse')).toBeLessThan(95);
  });

  it('measures this year’s register goal from the register, and keeps it out of last year’s frozen evaluation', async () => {
    const list = await get<z.infer<typeof goalListSchema>>('/goals', 'mette-kjaer');
    const register = list.goals.find((goal) => goal.measurement.kind === 'register');
    expect(register?.title).toBe('Henvendelser besvares inden for fristen');
    expect(register?.measurement).toEqual({ kind: 'register', metric: 'replied-in-time', kinds: [] });
    // The demo register answers some items late: measured, below 100 %.
    expect(register?.lastReading?.value).toBeGreaterThan(0);
    expect(register?.lastReading?.value).toBeLessThan(100);
    expect(register?.lastReading?.colour).not.toBe('none');
    const year = Number(register!.periodFrom.slice(0, 4));
    expect(register?.periodFrom).toBe(`${year}-01-01`);

    type Item = { id: string; year: number; status: string };
    const evaluations = await get<{ items: Item[] }>('/management-evaluations', 'mette-kjaer');
    const last = evaluations.items.find((item) => item.year === year - 1 && item.status === 'published');
    expect(last).toBeDefined();
    const pack = await get<{ frozen: unknown; qualityGoals: { status: string; goals?: { title: string }[] } }>(
      `/management-evaluations/${last!.id}/pack`,
      'mette-kjaer',
    );
    expect(pack.frozen).not.toBeNull();
    expect(pack.qualityGoals.status).toBe('available');
    expect(pack.qualityGoals.goals?.map((goal) => goal.title)).not.toContain(register?.title);

    // This year's report marks it as the reply-time goal, shown beside the register's compliance.
    type Preview = { content: { goals: { title: string; value: number | null; isReplyTimeGoal?: boolean }[] } };
    const preview = await get<Preview>(`/yearly-reports/${year}/preview`, 'mette-kjaer');
    const inReport = preview.content.goals.find((candidate) => candidate.title === register?.title);
    expect(inReport).toMatchObject({ isReplyTimeGoal: true });
    expect(inReport?.value).toBeGreaterThan(0);
    expect(preview.content.goals.filter((candidate) => candidate.isReplyTimeGoal)).toHaveLength(1);
  });

  it('measures the 90 % survey goal in the 2025 report from the 2025 round, as the survey results show it', async () => {
    type Preview = {
      content: {
        goals: { title: string; value: number | null }[];
        surveys: { respondents: number; sharePercent: number | null }[];
      };
    };
    const preview = await get<Preview>('/yearly-reports/2025/preview', 'mette-kjaer');
    const goal = preview.content.goals.find((candidate) => candidate.title.startsWith('90 %'));
    expect(goal?.value).not.toBeNull();
    expect(goal!.value!).toBeGreaterThan(0);
    expect(goal!.value!).toBeLessThanOrEqual(100);
  });
});
