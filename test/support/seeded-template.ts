import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../functions/src/app/ports.js';
import { createEmbeddedApp } from '../../functions/src/compose.js';
import { loadConfig } from '../../functions/src/config.js';

/**
 * The demo municipality is seeded through the use cases, which takes seconds; the API and e2e
 * test files each want a fresh copy. vitest's global setup (`setup` below) seeds it once into a
 * template data directory, and every test file copies that directory (the SQLite file and the
 * document files) instead of seeding again. Without the global setup (a file run by another
 * runner), `freshSeededDataDir` seeds the copy itself, so a test never depends on it.
 */
const templateVariable = 'KH_TEST_SEEDED_TEMPLATE';

async function seedInto(dataDir: string, clock?: Clock): Promise<void> {
  const app = await createEmbeddedApp(
    { ...loadConfig({}), dataDir, seedDemo: true, sweepOnTimer: false },
    clock ? { clock } : {},
  );
  await app.close();
}

/**
 * A new temporary data directory holding the seeded demo municipality. The caller removes it.
 * With a `clock`, the demo is seeded on that clock's day (not copied from the template, which
 * was seeded today), for a test that must not depend on the day it runs.
 */
export async function freshSeededDataDir(prefix = 'kh-test-', options: { clock?: Clock } = {}): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const template = process.env[templateVariable];
  if (options.clock) await seedInto(dataDir, options.clock);
  else if (template) cpSync(template, dataDir, { recursive: true });
  else await seedInto(dataDir);
  return dataDir;
}

/** vitest global setup: seed the template once per run; the returned teardown removes it. */
export default async function setup(): Promise<() => void> {
  const template = mkdtempSync(join(tmpdir(), 'kh-seeded-template-'));
  await seedInto(template);
  process.env[templateVariable] = template;
  return () => rmSync(template, { recursive: true, force: true });
}
