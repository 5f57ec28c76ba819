import { describe, expect, it } from 'vitest';
import {
  actionBoard,
  actionCommandKinds,
  allowedActionCommands,
  applyActionCommand,
  effectivenessCheckDueOn,
  findingActionTitle,
  findingNeedsAction,
  findingProblemTitle,
  isEarlyEffectivenessCheck,
  isEvidenceUrl,
  isActionOverdue,
  newActionFrom,
  newActionFromDecision,
  newActionFromFinding,
  type ActionCommand,
  type ActionCommandContext,
} from './corrective-action.js';
import { AppError } from './errors.js';
import { addDays, asLocalDate } from './local-date.js';
import { actionStatuses, findingGrades, type ActionStatus, type CorrectiveAction } from './quality-year-types.js';

const d = asLocalDate;
const today = d('2026-11-22');
/** No waiting period here: the waiting period has its own tests below. */
const context: ActionCommandContext = {
  today,
  actorId: 'kvalitet',
  at: '2026-11-22T09:00:00.000Z',
  effectivenessWaitDays: 0,
};

function buildAction(overrides: Partial<CorrectiveAction> = {}): CorrectiveAction {
  return {
    id: 'a1',
    etag: 3,
    createdAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-10-01T08:00:00.000Z',
    updatedBy: 'someone',
    title: 'Større afvigelse, ISO 9001 pkt. 7.5.3',
    source: { kind: 'finding', findingId: 'f1' },
    unitId: 'byg',
    correction: null,
    rootCause: null,
    plan: null,
    ownerId: null,
    dueOn: null,
    status: 'open',
    implementedOn: null,
    implementedBy: null,
    implementationNote: null,
    evidenceText: null,
    evidenceUrl: null,
    involvedIds: [],
    effectivenessChecks: [],
    closedOn: null,
    ...overrides,
  };
}

const planned = () =>
  buildAction({
    status: 'planned',
    rootCause: 'Ingen fast procedure for arkivering',
    plan: 'Skriv procedure og instruér',
    ownerId: 'bo',
    dueOn: d('2026-12-31'),
    involvedIds: ['bo'],
  });
const implemented = () => ({
  ...planned(),
  status: 'implemented' as const,
  implementedOn: d('2026-11-20'),
  implementedBy: 'bo',
});

const markCommand: Extract<ActionCommand, { kind: 'markImplemented' }> = {
  kind: 'markImplemented',
  implementedOn: d('2026-11-21'),
  description: 'Procedure skrevet og medarbejderne instrueret',
};

const commands: Record<(typeof actionCommandKinds)[number], ActionCommand> = {
  recordCorrection: { kind: 'recordCorrection', correction: 'Sagen er journaliseret' },
  analyseAndPlan: {
    kind: 'analyseAndPlan',
    rootCause: 'Ingen fast procedure',
    plan: 'Skriv procedure',
    ownerId: 'bo',
    dueOn: d('2026-12-31'),
  },
  replan: { kind: 'replan', dueOn: d('2027-01-31') },
  markImplemented: markCommand,
  checkEffectiveness: { kind: 'checkEffectiveness', isEffective: true, note: 'Stikprøve af 10 sager: alle arkiveret' },
};

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('applyActionCommand: allowed transitions', () => {
  it('records the correction without touching the root cause, and bumps etag and writer', () => {
    const next = applyActionCommand(buildAction(), { kind: 'recordCorrection', correction: '  Rettet  ' }, context);
    expect(next).toMatchObject({ status: 'open', correction: 'Rettet', rootCause: null, etag: 4 });
    expect(next).toMatchObject({ updatedAt: context.at, updatedBy: 'kvalitet' });
  });

  it('analyses and plans: open → planned, with every field', () => {
    const next = applyActionCommand(buildAction({ correction: 'Rettet' }), commands.analyseAndPlan, context);
    expect(next).toMatchObject({
      status: 'planned',
      correction: 'Rettet',
      rootCause: 'Ingen fast procedure',
      plan: 'Skriv procedure',
      ownerId: 'bo',
      dueOn: '2026-12-31',
    });
  });

  it('replans while planned, changing only what is given', () => {
    const next = applyActionCommand(planned(), { kind: 'replan', ownerId: 'sara', dueOn: d('2027-02-01') }, context);
    expect(next).toMatchObject({ status: 'planned', ownerId: 'sara', dueOn: '2027-02-01', plan: planned().plan });
  });

  it('marks implemented: planned → implemented on a date', () => {
    expect(applyActionCommand(planned(), commands.markImplemented, context)).toMatchObject({
      status: 'implemented',
      implementedOn: '2026-11-21',
      implementedBy: 'kvalitet',
    });
  });

  it('keeps everyone who owned the action or marked it implemented, each once, in order', () => {
    const plannedByBo = applyActionCommand(buildAction(), commands.analyseAndPlan, context);
    expect(plannedByBo.involvedIds).toEqual(['bo']);
    const handedOn = applyActionCommand(plannedByBo, { kind: 'replan', ownerId: 'sara' }, context);
    expect(handedOn).toMatchObject({ ownerId: 'sara', involvedIds: ['bo', 'sara'] });
    expect(applyActionCommand(handedOn, { kind: 'replan', plan: 'Ny plan' }, context).involvedIds).toEqual([
      'bo',
      'sara',
    ]);
    const done = applyActionCommand(handedOn, commands.markImplemented, context);
    expect(done).toMatchObject({ implementedBy: 'kvalitet', involvedIds: ['bo', 'sara', 'kvalitet'] });
    const back = applyActionCommand(
      done,
      { kind: 'checkEffectiveness', isEffective: false, note: 'Nej' },
      { ...context, actorId: 'eva' },
    );
    expect(back).toMatchObject({ implementedBy: null, involvedIds: ['bo', 'sara', 'kvalitet'] });
    const again = applyActionCommand(back, commands.markImplemented, { ...context, actorId: 'sara' });
    expect(again).toMatchObject({ implementedBy: 'sara', involvedIds: ['bo', 'sara', 'kvalitet'] });
  });

  it('an effective check closes the action on the check date', () => {
    const next = applyActionCommand(
      implemented(),
      { kind: 'checkEffectiveness', isEffective: true, note: 'Virker', checkedOn: d('2026-11-21') },
      context,
    );
    expect(next).toMatchObject({ status: 'closed', closedOn: '2026-11-21' });
    expect(next.effectivenessChecks).toEqual([
      { checkedOn: '2026-11-21', checkedBy: 'kvalitet', isEffective: true, note: 'Virker' },
    ]);
  });

  it('an ineffective check sends it back to planned, keeping the check and clearing the implementation date', () => {
    const next = applyActionCommand(
      implemented(),
      { kind: 'checkEffectiveness', isEffective: false, note: 'Stadig fejl i 3 af 10 sager' },
      context,
    );
    expect(next).toMatchObject({ status: 'planned', implementedOn: null, implementedBy: null, closedOn: null });
    expect(next.effectivenessChecks).toEqual([
      { checkedOn: today, checkedBy: 'kvalitet', isEffective: false, note: 'Stadig fejl i 3 af 10 sager' },
    ]);
  });

  it('does not change the record it was given', () => {
    const action = buildAction();
    const copy = structuredClone(action);
    applyActionCommand(action, commands.recordCorrection, context);
    expect(action).toEqual(copy);
  });
});

describe('applyActionCommand: refusals', () => {
  const fixtures: Record<ActionStatus, () => CorrectiveAction> = {
    open: buildAction,
    planned,
    implemented,
    closed: () => ({ ...implemented(), status: 'closed', closedOn: today }),
  };
  const cases = actionStatuses.flatMap((status) =>
    actionCommandKinds
      .filter((kind) => !allowedActionCommands[status].includes(kind))
      .map((kind) => [status, kind] as const),
  );

  it('refuses the 14 status/command pairs outside the table', () => {
    expect(cases).toHaveLength(14);
  });

  it.each(cases)('a %s action refuses %s with INVALID_STATE', (status, kind) => {
    const error = thrown(() => applyActionCommand(fixtures[status](), commands[kind], context));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.details).toEqual({ status, command: kind });
  });

  it.each([
    ['rootCause', { ...commands.analyseAndPlan, rootCause: '   ' }],
    ['plan', { ...commands.analyseAndPlan, plan: '' }],
    ['ownerId', { ...commands.analyseAndPlan, ownerId: ' ' }],
    ['dueOn', { ...commands.analyseAndPlan, dueOn: '2026-02-30' as never }],
    ['correction', { kind: 'recordCorrection', correction: '\n' }],
  ] as const)('refuses a blank or bad %s with VALIDATION', (field, command) => {
    const error = thrown(() => applyActionCommand(buildAction(), command as ActionCommand, context));
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toMatchObject({ field });
  });

  it('refuses an empty or blank replan', () => {
    expect(thrown(() => applyActionCommand(planned(), { kind: 'replan' }, context)).code).toBe('VALIDATION');
    expect(thrown(() => applyActionCommand(planned(), { kind: 'replan', plan: ' ' }, context)).details).toMatchObject({
      field: 'plan',
    });
  });

  it('refuses an implementation or check in the future, and a check before the implementation', () => {
    const future = d('2026-11-23');
    expect(
      thrown(() => applyActionCommand(planned(), { ...markCommand, implementedOn: future }, context)).details,
    ).toMatchObject({ field: 'implementedOn' });
    const check = { kind: 'checkEffectiveness', isEffective: true, note: 'ok' } as const;
    expect(thrown(() => applyActionCommand(implemented(), { ...check, checkedOn: future }, context)).code).toBe(
      'VALIDATION',
    );
    expect(
      thrown(() => applyActionCommand(implemented(), { ...check, checkedOn: d('2026-11-19') }, context)).details,
    ).toMatchObject({ field: 'checkedOn' });
  });

  it('refuses a check without a note', () => {
    const command = { kind: 'checkEffectiveness', isEffective: true, note: '  ' } as const;
    expect(thrown(() => applyActionCommand(implemented(), command, context)).details).toMatchObject({ field: 'note' });
  });
});

describe('no path reaches closed without an effective check', () => {
  const variants: ActionCommand[] = [
    ...Object.values(commands),
    { kind: 'checkEffectiveness', isEffective: false, note: 'Ikke effektiv' },
    { kind: 'analyseAndPlan', rootCause: '', plan: 'x', ownerId: 'bo', dueOn: d('2026-12-31') },
  ];

  it('holds for every command sequence of length up to 4 from a new action', () => {
    let closedPaths = 0;
    let paths = 0;
    const walk = (action: CorrectiveAction, history: ActionCommand[]) => {
      paths += 1;
      if (action.status === 'closed') {
        closedPaths += 1;
        const last = action.effectivenessChecks.at(-1);
        expect(last?.isEffective).toBe(true);
        expect(action.closedOn).toBe(last?.checkedOn);
        expect(history.at(-1)).toMatchObject({ kind: 'checkEffectiveness', isEffective: true });
      } else {
        expect(action.closedOn).toBeNull();
      }
      if (history.length === 4) return;
      for (const command of variants) {
        let next: CorrectiveAction;
        try {
          next = applyActionCommand(action, command, context);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          continue;
        }
        expect(next.etag).toBe(action.etag + 1);
        walk(next, [...history, command]);
      }
    };
    walk(buildAction(), []);
    expect(paths).toBeGreaterThan(50);
    // open → plan → implement → effective check: the shortest way, with and without a recorded correction.
    expect(closedPaths).toBeGreaterThan(0);
  });
});

describe('isActionOverdue and actionBoard', () => {
  it.each([
    ['planned, due yesterday', { status: 'planned', dueOn: d('2026-11-21') }, true],
    ['planned, due today', { status: 'planned', dueOn: today }, false],
    ['open with a due date from a decision, past', { status: 'open', dueOn: d('2026-01-01') }, true],
    ['open without a due date', { status: 'open', dueOn: null }, false],
    ['implemented, awaiting its check', { status: 'implemented', dueOn: d('2026-01-01') }, false],
    ['closed', { status: 'closed', dueOn: d('2026-01-01') }, false],
  ] as const)('%s: %s', (_name, action, expected) => {
    expect(isActionOverdue(action, today)).toBe(expected);
  });

  it('groups by status, sorts by due date (undated last) and lists the overdue, most overdue first', () => {
    const actions = [
      buildAction({ id: 'x', title: 'B', status: 'planned', dueOn: d('2026-11-01') }),
      buildAction({ id: 'y', title: 'A', status: 'planned', dueOn: d('2026-11-01') }),
      buildAction({ id: 'z', title: 'C', status: 'planned', dueOn: d('2026-10-01') }),
      buildAction({ id: 'w', title: 'D', status: 'planned', dueOn: d('2027-01-01') }),
      buildAction({ id: 'o1', title: 'E', status: 'open', dueOn: null }),
      buildAction({ id: 'o2', title: 'F', status: 'open', dueOn: d('2026-12-01') }),
      buildAction({ id: 'c', title: 'G', status: 'closed', dueOn: d('2026-01-01') }),
    ];
    const board = actionBoard(actions, today);
    expect(board.columns.planned.map((action) => action.id)).toEqual(['z', 'y', 'x', 'w']);
    expect(board.columns.open.map((action) => action.id)).toEqual(['o2', 'o1']);
    expect(board.columns.implemented).toEqual([]);
    expect(board.columns.closed.map((action) => action.id)).toEqual(['c']);
    expect(board.overdue.map((entry) => [entry.action.id, entry.daysOverdue])).toEqual([
      ['z', 52],
      ['y', 21],
      ['x', 21],
    ]);
  });
});

describe('new actions', () => {
  it.each(findingGrades.map((grade) => [grade, grade === 'major' || grade === 'minor']))(
    'findingNeedsAction(%s) is %s',
    (grade, expected) => {
      expect(findingNeedsAction(grade)).toBe(expected);
    },
  );

  it('titles in three languages, with and without a clause', () => {
    expect(findingActionTitle('major', '7.5.3')).toBe('Større afvigelse, ISO 9001 pkt. 7.5.3');
    expect(findingActionTitle('minor', null, 'nb')).toBe('Mindre avvik');
    expect(findingActionTitle('minor', '9.2', 'en')).toBe('Minor nonconformity, ISO 9001 clause 9.2');
  });

  const newContext = { id: 'new', at: '2026-11-22T10:00:00.000Z', actorId: 'kvalitet' };
  const finding = {
    id: 'f1',
    grade: 'major' as const,
    clause: '7.5.3',
    description: 'Tre byggesager uden journalnotat om partshøring',
    unitId: 'byg',
    correctiveActionId: null,
  };

  it('from a finding: an open action with its unit, source and the problem as title', () => {
    expect(newActionFromFinding(finding, newContext)).toEqual({
      id: 'new',
      etag: 1,
      createdAt: newContext.at,
      updatedAt: newContext.at,
      updatedBy: 'kvalitet',
      title: 'Tre byggesager uden journalnotat om partshøring (ISO 9001 pkt. 7.5.3)',
      source: { kind: 'finding', findingId: 'f1' },
      unitId: 'byg',
      correction: null,
      rootCause: null,
      plan: null,
      ownerId: null,
      dueOn: null,
      status: 'open',
      implementedOn: null,
      implementedBy: null,
      implementationNote: null,
      evidenceText: null,
      evidenceUrl: null,
      involvedIds: [],
      effectivenessChecks: [],
      closedOn: null,
    });
  });

  it.each([
    [
      'the description with the clause',
      finding,
      'Tre byggesager uden journalnotat om partshøring (ISO 9001 pkt. 7.5.3)',
    ],
    [
      'one line, without a clause',
      { ...finding, clause: null, description: ' Mangler\n  kvittering ' },
      'Mangler kvittering',
    ],
    [
      'the grade and clause only without a description',
      { ...finding, description: '  ' },
      'Større afvigelse, ISO 9001 pkt. 7.5.3',
    ],
  ] as const)("titles a finding's action with %s", (_name, source, title) => {
    expect(findingProblemTitle(source)).toBe(title);
  });

  it('shortens a long problem to 120 characters, keeping the clause', () => {
    const title = findingProblemTitle({ ...finding, description: 'Journalnotat mangler. '.repeat(20) });
    expect(title).toHaveLength(120);
    expect(title.endsWith('… (ISO 9001 pkt. 7.5.3)')).toBe(true);
    expect(findingProblemTitle({ ...finding, description: 'Notat mangler', clause: '9.2' }, 'en')).toBe(
      'Notat mangler (ISO 9001 clause 9.2)',
    );
  });

  it('refuses a finding that needs no action or already has one', () => {
    expect(thrown(() => newActionFromFinding({ ...finding, grade: 'observation' }, newContext)).code).toBe(
      'VALIDATION',
    );
    const error = thrown(() => newActionFromFinding({ ...finding, correctiveActionId: 'a9' }, newContext));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.details).toMatchObject({ correctiveActionId: 'a9' });
  });

  const decision = {
    id: 'd1',
    text: `Alle  procedurer\nfor byggesag revideres ${'inden udgangen af året '.repeat(6)}`,
    ownerId: 'bo',
    dueOn: d('2027-03-31'),
    actionId: null,
  };

  it('from a management decision: one-line title of at most 120 characters, owner and due date carried over', () => {
    const action = newActionFromDecision({ id: 'e2026' }, decision, newContext);
    expect(action.title).toHaveLength(120);
    expect(action.title.startsWith('Alle procedurer for byggesag revideres')).toBe(true);
    expect(action.title.endsWith('…')).toBe(true);
    expect(action).toMatchObject({
      status: 'open',
      ownerId: 'bo',
      involvedIds: ['bo'],
      dueOn: '2027-03-31',
      rootCause: null,
      source: { kind: 'management-decision', evaluationId: 'e2026', decisionId: 'd1' },
    });
    expect(newActionFromDecision({ id: 'e' }, { ...decision, text: 'Kort' }, newContext).title).toBe('Kort');
  });

  it('refuses a decision that already has an action or has no text', () => {
    expect(thrown(() => newActionFromDecision({ id: 'e' }, { ...decision, actionId: 'a1' }, newContext)).code).toBe(
      'INVALID_STATE',
    );
    expect(thrown(() => newActionFromDecision({ id: 'e' }, { ...decision, text: ' ' }, newContext)).code).toBe(
      'VALIDATION',
    );
  });

  it('newActionFrom dispatches on the source', () => {
    expect(newActionFrom({ kind: 'finding', finding }, newContext).source.kind).toBe('finding');
    expect(
      newActionFrom({ kind: 'management-decision', evaluation: { id: 'e' }, decision }, newContext).source,
    ).toEqual({
      kind: 'management-decision',
      evaluationId: 'e',
      decisionId: 'd1',
    });
  });
});

describe('marking implemented: what was done and its evidence', () => {
  it('keeps the description and the evidence, trimmed, blank evidence as none', () => {
    const next = applyActionCommand(
      planned(),
      {
        ...markCommand,
        description: '  Ny procedure udgivet  ',
        evidenceText: ' Referat 12-11 ',
        evidenceUrl: 'https://intranet.example.dk/k17',
      },
      context,
    );
    expect(next).toMatchObject({
      implementationNote: 'Ny procedure udgivet',
      evidenceText: 'Referat 12-11',
      evidenceUrl: 'https://intranet.example.dk/k17',
    });
    const bare = applyActionCommand(planned(), { ...markCommand, evidenceText: '  ', evidenceUrl: '' }, context);
    expect(bare).toMatchObject({ evidenceText: null, evidenceUrl: null });
  });

  it.each([
    ['description', { description: ' \n ' }],
    ['evidenceUrl', { evidenceUrl: 'javascript:alert(1)' }],
    ['evidenceUrl', { evidenceUrl: 'file:///c:/bevis.docx' }],
    ['evidenceUrl', { evidenceUrl: 'intranet/k17' }],
  ] as const)('refuses a bad %s (%o)', (field, change) => {
    const error = thrown(() => applyActionCommand(planned(), { ...markCommand, ...change }, context));
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toMatchObject({ field });
  });

  it.each([
    ['https://example.dk/a?b=1', true],
    ['http://intranet/sag/12', true],
    ['ftp://example.dk/x', false],
    ['data:text/html,hi', false],
    [`https://example.dk/${'a'.repeat(2000)}`, false],
  ] as const)('isEvidenceUrl(%s) is %s', (url, expected) => {
    expect(isEvidenceUrl(url)).toBe(expected);
  });

  it('an ineffective check clears what was done with the implementation', () => {
    const done = applyActionCommand(planned(), { ...markCommand, evidenceText: 'Referat' }, context);
    const back = applyActionCommand(done, { kind: 'checkEffectiveness', isEffective: false, note: 'Nej' }, context);
    expect(back).toMatchObject({ implementationNote: null, evidenceText: null, evidenceUrl: null });
  });
});

describe('the waiting period before the effectiveness check', () => {
  const waiting = { ...context, effectivenessWaitDays: 30 };
  const implementedOn = (date: string) => ({ ...implemented(), implementedOn: d(date) });
  const check = { kind: 'checkEffectiveness', isEffective: true, note: 'Stikprøve af 10 sager' } as const;

  it.each([
    // implemented, wait, due
    ['2026-11-20', 30, '2026-12-20'],
    ['2026-12-15', 30, '2027-01-14'],
    ['2024-02-10', 30, '2024-03-11'],
    ['2025-02-10', 30, '2025-03-12'],
    ['2026-12-31', 0, '2026-12-31'],
    ['2026-12-31', 1, '2027-01-01'],
  ] as const)('implemented %s, waiting %i days: due %s', (on, wait, due) => {
    expect(effectivenessCheckDueOn(implementedOn(on), wait)).toBe(due);
    expect(isEarlyEffectivenessCheck(implementedOn(on), addDays(d(due), -1), wait)).toBe(true);
    expect(isEarlyEffectivenessCheck(implementedOn(on), d(due), wait)).toBe(false);
  });

  it('has no due date before the action is implemented', () => {
    expect(effectivenessCheckDueOn(planned(), 30)).toBeNull();
    expect(effectivenessCheckDueOn({ ...implemented(), status: 'closed' }, 30)).toBeNull();
  });

  it('refuses an early check without a reason, saying when it is due, and changes nothing', () => {
    const action = implementedOn('2026-11-01');
    const copy = structuredClone(action);
    const error = thrown(() => applyActionCommand(action, check, waiting));
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual({ field: 'earlyReason', dueOn: '2026-12-01' });
    expect(thrown(() => applyActionCommand(action, { ...check, earlyReason: '   ' }, waiting)).code).toBe('VALIDATION');
    expect(action).toEqual(copy);
  });

  it('accepts an early check with a reason and keeps the reason in the check', () => {
    const next = applyActionCommand(
      implementedOn('2026-11-01'),
      { ...check, earlyReason: ' Auditor kommer 1-12; sagerne er allerede gennemgået ' },
      waiting,
    );
    expect(next.status).toBe('closed');
    expect(next.effectivenessChecks.at(-1)).toEqual({
      checkedOn: today,
      checkedBy: 'kvalitet',
      isEffective: true,
      note: 'Stikprøve af 10 sager',
      earlyReason: 'Auditor kommer 1-12; sagerne er allerede gennemgået',
    });
  });

  it('needs no reason once the period has passed (on the due day), and ignores one given', () => {
    const onTime = applyActionCommand(implementedOn('2026-10-23'), check, waiting);
    expect(onTime.effectivenessChecks.at(-1)).not.toHaveProperty('earlyReason');
    const withReason = applyActionCommand(implementedOn('2026-10-01'), { ...check, earlyReason: 'x' }, waiting);
    expect(withReason.effectivenessChecks.at(-1)).not.toHaveProperty('earlyReason');
  });
});
