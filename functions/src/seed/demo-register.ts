import { applyStep } from '../app/register-items.js';
import type { RegisterStore } from '../app/register-ports.js';
import { addDays, type LocalDate } from '../core/local-date.js';
import { defaultRegisterSettings, replyDueOn } from '../core/register-rules.js';
import type {
  RegisterItem,
  RegisterKind,
  RegisterSettings,
  RegisterStatus,
  Severity,
  Likelihood,
} from '../core/register-types.js';

/**
 * The demo register: KONSTRUEREDE DEMODATA (constructed, not a municipality's real cases). A
 * year of items up to `today` from all three doors (public form, tab, Teams), every status, some
 * answered late, and root causes skewed so the Pareto tells a story: most deviations come from
 * missing training and unclear procedures. Deterministic (a fixed pseudo-random sequence), so
 * tests and screenshots see the same register.
 */

const label = (da: string, nb: string, en: string) => ({ da, nb, en });

export const demoRegisterSettings = (at: string): RegisterSettings => ({
  ...defaultRegisterSettings(at, 'mette-kjaer'),
  categories: [
    {
      id: 'sagsbehandling',
      label: label('Sagsbehandling', 'Saksbehandling', 'Case handling'),
      kinds: ['complaint', 'deviation', 'suggestion', 'praise'],
      isActive: true,
    },
    {
      id: 'kommunikation',
      label: label('Kommunikation', 'Kommunikasjon', 'Communication'),
      kinds: ['complaint', 'suggestion', 'praise'],
      isActive: true,
    },
    { id: 'tilsyn', label: label('Tilsyn', 'Tilsyn', 'Inspection'), kinds: ['deviation', 'complaint'], isActive: true },
    {
      id: 'it',
      label: label('IT og systemer', 'IT og systemer', 'IT and systems'),
      kinds: ['deviation', 'suggestion'],
      isActive: true,
    },
  ],
  rootCauseCategories: [
    { id: 'oplaering', label: label('Manglende oplæring', 'Manglende opplæring', 'Missing training'), isActive: true },
    { id: 'procedure', label: label('Uklar procedure', 'Uklar prosedyre', 'Unclear procedure'), isActive: true },
    { id: 'kapacitet', label: label('Kapacitet', 'Kapasitet', 'Capacity'), isActive: true },
    { id: 'it-fejl', label: label('IT-fejl', 'IT-feil', 'IT fault'), isActive: true },
    { id: 'kommunikation', label: label('Kommunikation', 'Kommunikasjon', 'Communication'), isActive: true },
  ],
  caseAreas: [
    {
      id: 'natur',
      label: label('Natur og vandløb', 'Natur og vassdrag', 'Nature and watercourses'),
      unitId: 'natur',
      isActive: true,
    },
    {
      id: 'miljo',
      label: label('Miljø og affald', 'Miljø og avfall', 'Environment and waste'),
      unitId: 'miljo',
      isActive: true,
    },
    { id: 'byggeri', label: label('Byggeri', 'Byggesaker', 'Building'), unitId: 'byg-plan', isActive: true },
  ],
  etag: 1,
});

const units = ['natur', 'miljo', 'byg-plan'] as const;
const leaders: Record<(typeof units)[number], string> = {
  natur: 'anne-birk',
  miljo: 'jens-mortensen',
  'byg-plan': 'sofie-dahl',
};
const reporters = ['karen-holt', 'ida-nielsen', 'peter-lund', 'henrik-skov'];
/** Weighted so the Pareto is telling: training and procedures cause most. */
const rootCauses = [
  'oplaering',
  'oplaering',
  'oplaering',
  'oplaering',
  'procedure',
  'procedure',
  'procedure',
  'kapacitet',
  'kapacitet',
  'it-fejl',
  'kommunikation',
];

const texts: Record<RegisterKind, string[]> = {
  complaint: [
    'Jeg har ikke fået svar på min ansøgning efter seks uger.',
    'Afgørelsen var svær at forstå, og ingen tog telefonen.',
    'Min klage over naboens byggeri er ikke blevet behandlet.',
  ],
  praise: [
    'Tak for hurtig og venlig hjælp med min byggesag.',
    'Medarbejderen tog sig god tid til at forklare reglerne.',
  ],
  suggestion: [
    'Det ville hjælpe med en tjekliste før man søger om byggetilladelse.',
    'Send gerne en SMS, når sagen skifter status.',
  ],
  deviation: [
    'Journalnotat manglede i sagen, før afgørelsen blev sendt.',
    'Partshøring blev glemt i en sag om vandløbsregulativ.',
    'Tilsynsrapport blev sendt til forkert modtager.',
    'Frist i sagssystemet blev ikke sat ved oprettelse.',
  ],
};

/** A small deterministic generator (LCG), so the demo is the same on every start. */
function sequence(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    // The low bits of a power-of-two LCG cycle quickly: use the high ones.
    return Math.floor(state / 65_536) % max;
  };
}

export function demoRegisterItems(today: LocalDate, settings: RegisterSettings): RegisterItem[] {
  const next = sequence(2026);
  const items: RegisterItem[] = [];
  for (let index = 0; index < 160; index++) {
    const daysAgo = Math.floor((index * 365) / 160) + next(2);
    const receivedOn = addDays(today, -daysAgo);
    const roll = next(10);
    const kind: RegisterKind = roll < 4 ? 'deviation' : roll < 7 ? 'complaint' : roll < 9 ? 'suggestion' : 'praise';
    const channel = kind === 'deviation' ? (next(3) === 0 ? 'teams' : 'tab') : next(4) === 0 ? 'tab' : 'public';
    const unit = units[next(units.length)]!;
    const isPublic = channel === 'public';
    const hasEmail = isPublic && next(5) !== 0;
    const reportedBy = isPublic ? null : reporters[next(reporters.length)]!;
    const contact = hasEmail
      ? { name: `Borger ${index + 1}`, email: `borger${index + 1}@example.dk`, phone: null }
      : isPublic && next(2) === 0
        ? { name: null, email: null, phone: '+45 12 34 56 78' }
        : null;
    const answerable = reportedBy !== null || hasEmail;
    const dueOn = replyDueOn(receivedOn, settings.replyDeadlines[kind], settings.holidayCalendar);
    // Older items are mostly done; the newest are still being handled.
    const status: RegisterStatus =
      daysAgo < 7
        ? next(2) === 0
          ? 'registered'
          : 'awaiting-handling'
        : daysAgo < 30
          ? (['in-handling', 'open', 'closed'] as const)[next(3)]!
          : next(8) === 0
            ? 'open'
            : 'closed';
    const at = `${receivedOn}T09:${String(10 + (index % 50)).padStart(2, '0')}:00.000Z`;
    const isAnswered =
      answerable && status !== 'registered' && status !== 'awaiting-handling' && (status === 'closed' || next(2) === 0);
    // About one in five answers went out after the deadline.
    const repliedOn = isAnswered ? addDays(dueOn, next(5) === 0 ? 3 + next(10) : -(1 + next(5))) : null;
    const severity = (kind === 'deviation' ? 1 + next(5) : 1 + next(3)) as Severity;
    const likelihood = kind === 'deviation' ? ((1 + next(5)) as Likelihood) : null;
    const handled = status !== 'registered' && status !== 'awaiting-handling';
    const text = texts[kind][next(texts[kind].length)]!;
    const base: RegisterItem = {
      id: `demo-register-${String(index + 1).padStart(3, '0')}`,
      receiptNumber: `${receivedOn.slice(0, 4)}-D${String(index + 1).padStart(5, '0')}`,
      kind,
      channel,
      status: 'registered',
      title: text.length <= 80 ? text : `${text.slice(0, 79)}…`,
      description: `${text} (Konstrueret demodata.)`,
      caseAreaId: isPublic ? (unit === 'byg-plan' ? 'byggeri' : unit) : null,
      caseNumber: null,
      procedureIds: [],
      auditId: null,
      sourceMessage: channel === 'teams' ? { text, url: null } : null,
      unitIds: [unit],
      scope: 'unit',
      severity: status === 'registered' ? null : severity,
      likelihood: status === 'registered' ? null : likelihood,
      categoryId:
        kind === 'deviation'
          ? next(3) === 0
            ? 'tilsyn'
            : 'sagsbehandling'
          : next(2) === 0
            ? 'kommunikation'
            : 'sagsbehandling',
      correction: handled && kind === 'deviation' ? 'Rettet i sagen samme dag.' : null,
      rootCauseCategoryId: handled && kind !== 'praise' ? rootCauses[next(rootCauses.length)]! : null,
      rootCause: null,
      handlerUnitId: unit,
      handlerId: leaders[unit],
      reportedBy,
      reportedAt: at,
      receivedOn,
      locale: 'da',
      contact: status === 'closed' && daysAgo > 360 ? null : contact,
      contactRemovedOn: null,
      statusTokenHash: isPublic ? (index.toString(16).padStart(4, '0') + 'de'.repeat(30)).slice(0, 64) : null,
      replyDueOn: answerable && !isAnswered ? dueOn : null,
      interimReplies: [],
      reply:
        isAnswered && repliedOn !== null
          ? {
              text: 'Tak for din henvendelse. Vi har gennemgået sagen og rettet op. (Konstrueret demodata.)',
              sentAt: `${repliedOn}T12:00:00.000Z`,
              sentBy: leaders[unit],
              deliveredBy: hasEmail ? 'email' : reportedBy !== null ? 'tab' : 'status-page',
              isLate: repliedOn > dueOn,
            }
          : null,
      correctiveActionIds: [],
      closedOn: status === 'closed' ? addDays(receivedOn, Math.min(daysAgo, 20)) : null,
      deletionRequest: null,
      trail: [],
      createdAt: at,
      updatedAt: at,
      updatedBy: reportedBy ?? 'public',
      etag: 0,
    };
    const registered = applyStep(
      base,
      {},
      { at, actorId: reportedBy, event: 'registered', note: `Reported (${channel}; demo)` },
    );
    const routed = applyStep(
      registered.item,
      { status },
      { at, actorId: reportedBy, event: 'routed', note: `Routed to ${leaders[unit]}` },
    );
    items.push({ ...routed.item, etag: 1 });
  }
  return items;
}

/** Seeds the demo register once (skipped when settings exist). */
export async function seedDemoRegister(register: RegisterStore, today: LocalDate, at: string): Promise<void> {
  if (await register.getSettings()) return;
  const settings = demoRegisterSettings(at);
  const items = demoRegisterItems(today, settings);
  await register.commit({
    settings: { record: settings, expectedEtag: 0 },
    expect: items.map((item) => ({ id: item.id, etag: 0 })),
    items,
  });
}
