import { createCorrectiveAction } from '../app/create-corrective-action.js';
import { createDecisionAction } from '../app/create-decision-action.js';
import { createManagementEvaluation } from '../app/create-management-evaluation.js';
import type { Services } from '../app/ports.js';
import { runActionCommand } from '../app/run-action-command.js';
import { updateManagementEvaluation } from '../app/update-management-evaluation.js';
import type { ActionCommand } from '../core/corrective-action.js';
import { addDays, localDateOf, type LocalDate } from '../core/local-date.js';
import type { Actor } from '../core/policies.js';
import type { Person } from '../core/types.js';
import { demoPeople } from './demo-directory.js';

/**
 * The demo's corrective actions and management evaluations, through the use cases with the
 * clock moved back:
 * - last year's evaluation held and published (Teknik- og Miljøudvalget) with three decisions,
 *   two of which became actions: one closed after an effective check, one overdue;
 * - this year's evaluation planned three weeks after today;
 * - a few more actions so every column of the board has some (one with an ineffective check in
 *   its history). Findings' actions come with the audit demo.
 * Idempotent: nothing happens when last year's evaluation exists.
 */
export async function seedDemoActions(services: Services, clock: { set(date: Date): void }, now: Date): Promise<void> {
  const today = localDateOf(now, services.settings.timeZone);
  const plannedOn = addDays(today, 21);
  const year = Number(plannedOn.slice(0, 4));
  const lastYear = year - 1;
  const evaluations = await services.quality.listManagementEvaluations();
  if (evaluations.some((evaluation) => evaluation.year === lastYear)) return;

  const people = new Map(demoPeople.map((person) => [person.id, person]));
  const actor = (id: string): Actor => {
    const person = people.get(id) as Person;
    return { id: person.id, unitId: person.unitId, roles: person.roles };
  };
  const coordinator = actor('mette-kjaer');
  const on = (date: LocalDate, hour = 10) => clock.set(new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`));
  const step = async (who: Actor, actionId: string, command: ActionCommand, date: LocalDate) => {
    on(date, 13);
    const current = await services.quality.getCorrectiveAction(actionId);
    await runActionCommand(services, who, { actionId, etag: current?.etag ?? 0, command });
  };
  const day = (monthDay: string) => `${lastYear}-${monthDay}` as LocalDate;

  // Last year's evaluation: planned, held, decisions, actions, political treatment, publication.
  on(day('01-15'));
  const evaluation = await createManagementEvaluation(services, coordinator, {
    year: lastYear,
    plannedOn: day('03-12'),
  });
  on(day('03-12'), 15);
  const held = await updateManagementEvaluation(services, coordinator, {
    evaluationId: evaluation.id,
    etag: evaluation.etag,
    changes: {
      heldOn: day('03-12'),
      participantIds: ['lars-holm', 'mette-kjaer', 'anne-birk', 'jens-mortensen', 'sofie-dahl'],
      guests: ['Tillidsrepræsentant Birgitte Juhl'],
      conclusions:
        'Kvalitetsledelsessystemet er fortsat egnet, tilstrækkeligt og virkningsfuldt. Fristoverholdelsen i miljøtilsynet ' +
        'og skabelonerne i byggesager skal styrkes; brugertilfredsheden skal måles i Natur.',
      decisions: [
        { text: 'Indfør ugentlig fristkontrol i miljøtilsynet', ownerId: 'jens-mortensen', dueOn: day('06-30') },
        {
          text: 'Revidér skabelonen for afgørelser i byggesager',
          ownerId: 'sofie-dahl',
          dueOn: addDays(today, -20),
        },
        { text: 'Gennemfør en brugertilfredshedsundersøgelse i Natur', ownerId: 'anne-birk', dueOn: day('11-30') },
      ],
      status: 'held',
    },
  });
  on(day('03-14'));
  const [deadlines, template] = held.decisions;
  const deadlineAction = await createDecisionAction(services, coordinator, {
    evaluationId: held.id,
    decisionId: deadlines!.id,
    etag: held.etag,
  });
  const afterFirst = await services.quality.getManagementEvaluation(held.id);
  const templateAction = await createDecisionAction(services, coordinator, {
    evaluationId: held.id,
    decisionId: template!.id,
    etag: afterFirst!.etag,
  });
  on(day('04-30'), 9);
  const linked = await services.quality.getManagementEvaluation(held.id);
  await updateManagementEvaluation(services, coordinator, {
    evaluationId: held.id,
    etag: linked!.etag,
    changes: {
      committee: 'Teknik- og Miljøudvalget',
      committeeOn: day('04-22'),
      publishedOn: day('04-30'),
      status: 'published',
    },
  });

  // The first decision's action: planned, carried out, found effective, closed.
  const jens = actor('jens-mortensen');
  await step(
    jens,
    deadlineAction.id,
    {
      kind: 'analyseAndPlan',
      rootCause: 'Fristerne lå i den enkelte medarbejders kalender; ingen havde overblikket.',
      plan: 'Fælles fristliste i sagssystemet, gennemgået på teammødet hver mandag.',
      ownerId: 'jens-mortensen',
      dueOn: day('06-30'),
    },
    day('03-20'),
  );
  await step(
    jens,
    deadlineAction.id,
    {
      kind: 'markImplemented',
      implementedOn: day('06-20'),
      description: 'Fristlisten er oprettet i sagssystemet og gennemgås på teammødet hver mandag.',
      evidenceText: 'Referater fra teammøderne i juni.',
    },
    day('06-20'),
  );
  await step(
    coordinator,
    deadlineAction.id,
    {
      kind: 'checkEffectiveness',
      isEffective: true,
      note: 'Stikprøve af 25 tilsynssager i august: alle frister overholdt.',
    },
    day('09-15'),
  );

  // The second decision's action: planned, its due date passed: overdue.
  await step(
    coordinator,
    templateAction.id,
    {
      kind: 'analyseAndPlan',
      rootCause: 'Skabelonen er ikke opdateret efter ændringen af byggeloven.',
      plan: 'Ny skabelon med klagevejledning og partshøring; gennemgås med Byg og Plan.',
      ownerId: 'sofie-dahl',
      dueOn: addDays(today, -20),
    },
    day('04-02'),
  );

  // More actions for the board.
  const other = async (title: string, unitId: string, daysAgo: number) => {
    on(addDays(today, -daysAgo), 9);
    return createCorrectiveAction(services, coordinator, { source: { kind: 'other', title, unitId } });
  };
  const journal = await other('Tilsynsbesøg journaliseres ikke samme uge', 'miljo', 6);
  await step(
    coordinator,
    journal.id,
    { kind: 'recordCorrection', correction: 'De 7 manglende besøgsnotater er journaliseret.' },
    addDays(today, -5),
  );
  await other('Klagevejledning mangler i afslag på aktindsigt', 'natur', 2);

  const receipts = await other('Kvittering for klager udebliver i ferieperioder', 'natur', 40);
  await step(
    coordinator,
    receipts.id,
    { kind: 'recordCorrection', correction: 'Kvittering sendt til de 4 klagere, der ikke havde fået den.' },
    addDays(today, -39),
  );
  await step(
    coordinator,
    receipts.id,
    {
      kind: 'analyseAndPlan',
      rootCause: 'Funktionspostkassen overvåges ikke, når den faste medarbejder holder ferie.',
      plan: 'Stedfortræder på funktionspostkassen i ferieplanen.',
      ownerId: 'anne-birk',
      dueOn: addDays(today, 30),
    },
    addDays(today, -35),
  );

  const checklist = await other('Tjekliste til byggetilladelser er forældet', 'byg-plan', 60);
  const sofie = actor('sofie-dahl');
  await step(
    coordinator,
    checklist.id,
    {
      kind: 'analyseAndPlan',
      rootCause: 'Tjeklisten har ingen ejer og blev ikke revideret ved lovændringen.',
      plan: 'Ny tjekliste med ejer og årlig gennemgang.',
      ownerId: 'sofie-dahl',
      dueOn: addDays(today, -3),
    },
    addDays(today, -55),
  );
  await step(
    sofie,
    checklist.id,
    {
      kind: 'markImplemented',
      implementedOn: addDays(today, -5),
      description: 'Ny tjekliste udgivet med ejer og fast årlig gennemgang.',
    },
    addDays(today, -5),
  );

  const sampling = await other('Jordprøver registreres uden prøvetagningssted', 'miljo', 45);
  await step(
    coordinator,
    sampling.id,
    {
      kind: 'analyseAndPlan',
      rootCause: 'Feltet for prøvetagningssted er ikke obligatorisk i registreringen.',
      plan: 'Obligatorisk felt og kort instruktion til jordteamet.',
      ownerId: 'jens-mortensen',
      dueOn: addDays(today, 5),
    },
    addDays(today, -44),
  );
  await step(
    jens,
    sampling.id,
    {
      kind: 'markImplemented',
      implementedOn: addDays(today, -2),
      description: 'Prøvetagningssted er gjort obligatorisk; jordteamet er instrueret.',
      evidenceUrl: 'https://intranet.example.dk/miljo/jordproever-instruktion',
    },
    addDays(today, -2),
  );

  const access = await other('Adgang til sagssystemet fjernes ikke ved fratrædelse', 'miljo', 150);
  await step(
    coordinator,
    access.id,
    {
      kind: 'analyseAndPlan',
      rootCause: 'Fratrædelsesflowet sender ingen besked til systemejeren.',
      plan: 'Fast punkt i fratrædelsestjeklisten; månedlig afstemning af brugere.',
      ownerId: 'jens-mortensen',
      dueOn: addDays(today, -100),
    },
    addDays(today, -140),
  );
  await step(
    jens,
    access.id,
    {
      kind: 'markImplemented',
      implementedOn: addDays(today, -110),
      description: 'Fratrædelse er et fast punkt i tjeklisten.',
    },
    addDays(today, -110),
  );
  await step(
    coordinator,
    access.id,
    { kind: 'checkEffectiveness', isEffective: false, note: 'Afstemningen i maj fandt 2 aktive fratrådte brugere.' },
    addDays(today, -80),
  );
  await step(
    jens,
    access.id,
    {
      kind: 'markImplemented',
      implementedOn: addDays(today, -50),
      description: 'Månedlig afstemning af brugere mod lønsystemet er indført.',
      evidenceText: 'Afstemningslister i sag 2026-004512.',
    },
    addDays(today, -50),
  );
  await step(
    coordinator,
    access.id,
    { kind: 'checkEffectiveness', isEffective: true, note: 'To afstemninger i træk uden fratrådte brugere.' },
    addDays(today, -10),
  );

  // This year's evaluation, a few weeks ahead.
  if (!evaluations.some((candidate) => candidate.year === year)) {
    on(addDays(today, -10));
    await createManagementEvaluation(services, coordinator, { year, plannedOn });
  }
}
