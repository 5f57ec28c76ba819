import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runProvisionCommand } from '../../functions/src/adapters/sharepoint/provision-command.js';
import { handbookSchema } from '../../functions/src/adapters/sharepoint/sharepoint-schema.js';
import { startGraphDouble, type GraphDouble } from '../graph-double/graph-double.js';
import type { Site } from '../graph-double/tenant.js';

/** `npm run provision` against the Graph double: creates everything once, then nothing. */

let double: GraphDouble;
let output: string[];

beforeAll(async () => {
  double = await startGraphDouble();
});
afterAll(async () => double?.stop());
beforeEach(() => {
  output = [];
  double.resetCounters();
});

function provision(site: Site, ...flags: string[]) {
  return runProvisionCommand(
    ['--site', `https://${site.hostname}${site.path}`, '--graph-base', double.baseUrl, ...flags],
    {
      tokens: async () => 'app-only-token',
      out: (line) => output.push(line),
      err: (line) => output.push(`ERR ${line}`),
    },
  );
}

const lists = handbookSchema.length;
/**
 * After the lists, the deadline index is brought in line with the records (backfill-deadlines.ts):
 * the eleven record lists it reads (the access requests too) and the Deadlines list, each looked
 * up (1 RU) and read (2 RU).
 * A site without records gets no write.
 */
const backfillLists = 14;
const writesIn = (log: GraphDouble['counters']['log']) => log.filter((entry) => entry.method !== 'GET');

describe('npm run provision', () => {
  it('creates the library and every list with its columns and indexes on the first run, and nothing on the second', async () => {
    const site = double.addSite('contoso.sharepoint.com', '/sites/kvalitet');

    expect(await provision(site)).toBe(0);
    // 1 site lookup + one GET per list (404), then one POST per list with its columns inline,
    // then the deadline index's backfill.
    expect(double.counters).toMatchObject({
      reads: 1 + lists + 2 * backfillLists,
      writes: lists,
      resourceUnits: 1 + lists + 2 * lists + 3 * backfillLists,
      throttled: 0,
    });
    expect(site.lists.map((list) => list.displayName)).toEqual(handbookSchema.map((spec) => spec.displayName));
    const library = site.lists.find((list) => list.displayName === 'Procedurer')!;
    expect(library.template).toBe('documentLibrary');
    expect(library.driveId).not.toBeNull();
    const indexed = library.columns.filter((column) => column.indexed).map((column) => column.name);
    expect(indexed).toEqual(['KhKey', 'KhCode', 'KhOwnerKey', 'KhNextReviewDate', 'KhStatus']);
    expect(library.columns.find((column) => column.name === 'KhOwner')).toMatchObject({ type: 'personOrGroup' });
    expect(library.columns.find((column) => column.name === 'KhNextReviewDate')).toMatchObject({
      type: 'dateTime',
      settings: { format: 'dateOnly' },
    });
    for (const spec of handbookSchema) {
      const list = site.lists.find((candidate) => candidate.displayName === spec.displayName)!;
      expect(list.columns.map((column) => column.name)).toEqual(
        expect.arrayContaining(spec.columns.map((column) => column.name)),
      );
    }
    // The quality year: a list per QualityStore collection, indexed on what its reads filter.
    const indexedIn = (name: string) =>
      site.lists
        .find((list) => list.displayName === name)!
        .columns.filter((column) => column.indexed)
        .map((column) => column.name);
    expect({
      Certificates: indexedIn('Certificates'),
      AuditProgramme: indexedIn('AuditProgramme'),
      Audits: indexedIn('Audits'),
      Findings: indexedIn('Findings'),
      CorrectiveActions: indexedIn('CorrectiveActions'),
      ManagementEvaluations: indexedIn('ManagementEvaluations'),
      YearWheel: indexedIn('YearWheel'),
      Surveys: indexedIn('Surveys'),
      SurveyLinks: indexedIn('SurveyLinks'),
      SurveyAnswers: indexedIn('SurveyAnswers'),
      Register: indexedIn('Register'),
      RegisterSettings: indexedIn('RegisterSettings'),
      RegisterUsedChallenges: indexedIn('RegisterUsedChallenges'),
    }).toEqual({
      Certificates: ['KhKey'],
      AuditProgramme: ['KhKey'],
      Audits: ['KhKey', 'KhYear'],
      Findings: ['KhKey', 'KhAuditKey'],
      CorrectiveActions: ['KhKey'],
      ManagementEvaluations: ['KhKey'],
      YearWheel: ['KhKey', 'KhDueOn'],
      // Surveys: links and answers are read per survey; a link is found by its token's hash (KhKey).
      Surveys: ['KhKey'],
      SurveyLinks: ['KhKey', 'KhSurveyKey', 'KhCaseId'],
      SurveyAnswers: ['KhKey', 'KhSurveyKey'],
      // The register: one indexed column per query of the RegisterStore port (the last four derived).
      Register: [
        'KhKey',
        'KhReceiptNumber',
        'KhStatus',
        'KhHandlerKey',
        'KhReportedByKey',
        'KhReceivedOn',
        'KhStatusTokenHash',
        'KhOpenState',
        'KhAwaitingReplyDueOn',
        'KhContactClosedOn',
        'KhContactEmail',
      ],
      RegisterSettings: ['KhKey'],
      // A used proof-of-work solution is refused a second time by the unique KhKey (its hash).
      RegisterUsedChallenges: ['KhKey', 'KhExpiresAt'],
    });
    const first = { ...double.counters, log: undefined };

    double.resetCounters();
    output = [];
    expect(await provision(site)).toBe(0);
    expect(writesIn(double.counters.log)).toEqual([]);
    expect(double.counters).toMatchObject({
      reads: 1 + lists + 2 * backfillLists,
      writes: 0,
      resourceUnits: 1 + lists + 3 * backfillLists,
      batches: 0,
    });
    expect(output).toContain('Everything exists already: no changes needed.');
    // 40 lists (the library, ten record lists, the sweep lease, four competence lists, seven
    // lists of the quality year, the deadline index, four of goals and case data, three of
    // surveys, links and answers, three of FOKUS and the standards, the frozen records, the
    // published yearly reports, three of the register and the aktindsigt requests), and the
    // backfill's 28 reads.
    expect(lists).toBe(40);
    expect(first).toMatchObject({ requests: 109, resourceUnits: 163 });
  });

  it('on --dry-run reads what exists, prints the requests it would send and sends no write', async () => {
    const site = double.addSite('contoso.sharepoint.com', '/sites/dryrun');
    expect(await provision(site, '--dry-run')).toBe(0);
    expect(double.counters.writes).toBe(0);
    expect(double.counters.reads).toBe(1 + lists);
    expect(site.lists).toEqual([]);
    // Every POST printed is a planned write, except the site grant for the administrator (its own test below).
    const planned = output.filter((line) => line.startsWith('POST ') && !line.includes('/permissions\n'));
    expect(planned).toHaveLength(lists);
    expect(
      output.filter((line) => line.startsWith(`POST ${double.baseUrl}/sites/${site.id}/permissions\n`)),
    ).toHaveLength(1);
    expect(planned[0]).toContain(`POST ${double.baseUrl}/sites/${site.id}/lists`);
    expect(planned[0]).toContain('create documentLibrary "Procedurer"');
    expect(planned[0]).toContain('"name":"KhCode"');
    expect(output.join('\n')).toMatch(/40 writes planned, none sent/);
  });

  it('adds only what an existing site lacks, in one $batch that survives a throttled sub-request, and reports drift', async () => {
    const site = double.addSite('contoso.sharepoint.com', '/sites/partial');
    expect(await provision(site)).toBe(0);
    const approvals = site.lists.find((list) => list.displayName === 'Approvals')!;
    approvals.columns = approvals.columns.filter((column) => column.name !== 'KhApproverKey');
    approvals.columns.find((column) => column.name === 'KhVersionKey')!.indexed = false;
    const reviews = site.lists.find((list) => list.displayName === 'Reviews')!;
    Object.assign(
      reviews.columns.find((column) => column.name === 'KhOutcome')!,
      { type: 'text', settings: {} },
    );

    double.resetCounters();
    double.throttle({ times: 1, scope: 'subrequest', retryAfterSeconds: 0 });
    expect(await provision(site)).toBe(1);
    expect(
      writesIn(double.counters.log).map((entry) => `${entry.method} ${entry.path.replace(/[^/]+$/, '…')}`),
    ).toEqual([
      // The index on KhVersionKey comes first in schema order; Graph throttles it once, it alone is re-sent.
      `PATCH /sites/${site.id}/lists/${approvals.id}/columns/…`,
      `POST /sites/${site.id}/lists/${approvals.id}/…`,
      `PATCH /sites/${site.id}/lists/${approvals.id}/columns/…`,
    ]);
    expect(double.counters.batches).toBe(2);
    expect(approvals.columns.find((column) => column.name === 'KhApproverKey')).toMatchObject({ indexed: true });
    expect(approvals.columns.find((column) => column.name === 'KhVersionKey')).toMatchObject({ indexed: true });
    expect(output).toContain('Drift (not changed): "Reviews".KhOutcome is not a choice column; left as it is.');

    double.resetCounters();
    expect(await provision(site)).toBe(1);
    expect(double.counters.writes).toBe(0);
  });

  it('adds the choices a newer schema has to an existing choice column (the ledger’s reminder stages), keeping the old ones', async () => {
    const site = double.addSite('contoso.sharepoint.com', '/sites/oldledger');
    expect(await provision(site)).toBe(0);
    const ledger = site.lists.find((list) => list.displayName === 'ReminderLedger')!;
    const stage = ledger.columns.find((column) => column.name === 'KhStage')!;
    // A site provisioned before the årshjul: no occurrence stages, and a choice the schema no longer has.
    const old = (stage.settings['choices'] as string[]).filter((choice) => !choice.startsWith('occurrence-'));
    stage.settings = { ...stage.settings, choices: [...old, 'retired-stage'] };

    double.resetCounters();
    expect(await provision(site)).toBe(0);
    const patches = writesIn(double.counters.log).filter((entry) => entry.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(stage.settings['choices']).toEqual([
      ...old,
      'retired-stage',
      'occurrence-due-30',
      'occurrence-due-7',
      'occurrence-due-0',
      'occurrence-overdue',
      'occurrence-escalation',
    ]);

    double.resetCounters();
    expect(await provision(site)).toBe(0);
    expect(double.counters.writes).toBe(0);
  });

  it('prints the Sites.Selected grant for the resolved site and the configured API app, as Microsoft documents it', async () => {
    const site = double.addSite('contoso.sharepoint.com', '/sites/grant');
    const apiClientId = '6F1C2B9E-3D4A-4C8B-9E2F-1A2B3C4D5E6F';
    const code = await runProvisionCommand(
      ['--site', `https://${site.hostname}${site.path}`, '--graph-base', double.baseUrl, '--dry-run'],
      {
        tokens: async () => 'app-only-token',
        apiClientId,
        out: (line) => output.push(line),
        err: (line) => output.push(`ERR ${line}`),
      },
    );
    expect(code).toBe(0);
    // https://learn.microsoft.com/graph/api/site-post-permissions: POST /sites/{sitesId}/permissions
    const request = output.find((line) => line.startsWith('POST ') && line.includes('/permissions'))!;
    const [requestLine, contentType, blank, ...json] = request.split('\n');
    expect(requestLine).toBe(`POST ${double.baseUrl}/sites/${site.id}/permissions`);
    expect(contentType).toBe('Content-Type: application/json');
    expect(blank).toBe('');
    expect(JSON.parse(json.join('\n'))).toEqual({
      roles: ['write'],
      grantedToIdentities: [
        { application: { id: '6f1c2b9e-3d4a-4c8b-9e2f-1a2b3c4d5e6f', displayName: 'Kvalitetshåndbog' } },
      ],
    });
    expect(output).toContain(
      `Grant-PnPEntraIDAppSitePermission -AppId 6f1c2b9e-3d4a-4c8b-9e2f-1a2b3c4d5e6f -DisplayName 'Kvalitetshåndbog' -Permissions Write -Site https://contoso.sharepoint.com/sites/grant`,
    );
    // Printing the grant sends nothing: the command has no right to give it (Sites.FullControl.All).
    expect(double.counters.log.filter((entry) => entry.path.includes('/permissions'))).toEqual([]);
    expect(double.counters.writes).toBe(0);

    // --app-client-id and --app-name win over the environment; without any id a placeholder says what to fill in.
    output = [];
    await provision(
      site,
      '--dry-run',
      '--app-client-id',
      '11111111-2222-4333-8444-555555555555',
      '--app-name',
      "Kommunens 'håndbog'",
    );
    expect(output).toContain(
      `Grant-PnPEntraIDAppSitePermission -AppId 11111111-2222-4333-8444-555555555555 -DisplayName 'Kommunens ''håndbog''' -Permissions Write -Site https://contoso.sharepoint.com/sites/grant`,
    );
    output = [];
    await provision(site, '--dry-run');
    expect(output.find((line) => line.includes('/permissions'))).toContain('"id": "<ENTRA_CLIENT_ID>"');
    expect(output.at(-1)).toBe("Fill in the API app's client id: pass --app-client-id <id> or set ENTRA_CLIENT_ID.");
    output = [];
    expect(await provision(site, '--app-client-id', 'not-a-guid')).toBe(2);
    expect(output[0]).toBe('ERR --app-client-id must be the application (client) id, a GUID');
  });

  it('names the problem when the site does not exist or the arguments are wrong', async () => {
    expect(
      await runProvisionCommand(
        ['--site', 'https://contoso.sharepoint.com/sites/none', '--graph-base', double.baseUrl],
        {
          tokens: async () => 't',
          out: (line) => output.push(line),
          err: (line) => output.push(`ERR ${line}`),
        },
      ),
    ).toBe(1);
    expect(output.at(-1)).toMatch(
      /^ERR Provisioning failed: The record was not found in the SharePoint site\. Is https:\/\/contoso\.sharepoint\.com\/sites\/none the right --site\?/,
    );
    output = [];
    expect(
      await runProvisionCommand(['--dry-run'], {
        tokens: async () => 't',
        out: () => {},
        err: (line) => output.push(line),
      }),
    ).toBe(2);
    expect(output[0]).toBe('--site is required');
  });
});
