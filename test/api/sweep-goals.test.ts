import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReminderCards } from '../../functions/src/jobs/reminder-cards.js';
import { runSweep } from '../../functions/src/jobs/run-sweep.js';
import { sweepEmbeddedApp } from '../../functions/src/jobs/sweep-embedded-app.js';
import { expectSweepToMeasureGoals } from '../support/goal-sweep.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** The daily sweep re-measures the goals, on SQLite (the SharePoint twin: sharepoint-compose.test.ts). */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

describe('the daily sweep and the goals', () => {
  it('re-measures a survey goal from the answers given through its links: red, stamped, in the owner’s årshjul; once', async () => {
    await expectSweepToMeasureGoals(server.app.services, server.app.config.timeZone, () =>
      sweepEmbeddedApp(server.app),
    );
  });

  it('reports a measurement that failed and still sends the reminders', async () => {
    const { app } = server;
    const result = await runSweep({
      services: app.services,
      messaging: app.messaging,
      source: app.reminderSource,
      notifier: app.bot.notifier,
      cards: createReminderCards({ publicUrl: app.config.publicUrl }),
      measureGoals: async () => {
        throw new Error('Graph is unavailable');
      },
    });
    expect(result).toMatchObject({ status: 'completed', goals: { error: 'Graph is unavailable' } });
  });
});
