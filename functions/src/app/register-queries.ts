import type {
  PublicRegisterOptionsDto,
  PublicStatusDto,
  RegisterListDto,
  RegisterStatisticsDto,
} from '../contract/register-schemas.js';
import { registerLimits } from '../contract/register-schemas.js';
import { AppError } from '../core/errors.js';
import { localDateOf, type LocalDate } from '../core/local-date.js';
import type { Locale } from '../core/locale.js';
import {
  canManageRegister,
  canReadRegisterItem,
  canReadRegisterStatistics,
  canReportToRegister,
  ensure,
  isCoordinator,
  type Actor,
} from '../core/policies.js';
import { registerFigures, statisticsRowAsOf, type RegisterFigures } from '../core/register-figures.js';
import { defaultRegisterSettings } from '../core/register-rules.js';
import { noneKey, periodStart, registerStatistics } from '../core/register-statistics.js';
import {
  registerChannels,
  registerKinds,
  type RegisterChannel,
  type RegisterKind,
  type RegisterStatus,
} from '../core/register-types.js';
import type { YearlyReportRegister } from '../core/yearly-report.js';
import { serverTexts } from '../i18n/server-texts.js';
import { isUnitWithin, parentLookup } from '../core/unit-tree.js';
import type { Services, Settings } from './ports.js';
import type { RegisterStore } from './register-ports.js';
import { registerSettingsOf, todayOf } from './register-items.js';
import { findingRow, labelIn, namesOf, registerRow } from './register-views.js';
import { hashSurveyToken, isSurveyTokenShape } from './survey-tokens.js';

/** The register's reads: the list (with audit findings as rows), statistics, the public pages, the sender export. */

export type RegisterListInput = {
  view: 'to-handle' | 'reported-by-me' | 'all';
  kind?: RegisterKind | undefined;
  status?: RegisterStatus | undefined;
  channel?: RegisterChannel | undefined;
  unitId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  includeFindings: boolean;
};

export async function listRegister(
  services: Services,
  actor: Actor,
  input: RegisterListInput,
): Promise<RegisterListDto> {
  const [settings, names, units] = await Promise.all([
    registerSettingsOf(services),
    namesOf(services),
    services.store.listUnits(),
  ]);
  const today = todayOf(services);
  const parentOf = parentLookup(units);
  const coordinator = isCoordinator(actor);
  const base = {
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.channel && input.channel !== 'audit' ? { channel: input.channel } : {}),
    ...(input.from ? { from: input.from as LocalDate } : {}),
    ...(input.to ? { to: input.to as LocalDate } : {}),
  };
  const items =
    input.channel === 'audit'
      ? []
      : input.view === 'reported-by-me'
        ? await services.register.listItems({ ...base, reportedBy: actor.id })
        : input.view === 'to-handle'
          ? coordinator
            ? await services.register.listItems({ ...base, isOpen: true })
            : await services.register.listItems({ ...base, isOpen: true, handlerId: actor.id })
          : (await services.register.listItems(base)).filter((item) => canReadRegisterItem(actor, item, units));
  const inUnit = (unitId: string | null) =>
    input.unitId === undefined || (unitId !== null && isUnitWithin(unitId, input.unitId, parentOf));
  const rows = items
    .filter((item) => inUnit(item.unitIds[0] ?? null))
    .map((item) => registerRow(item, settings, names, today));

  // Audit findings, shown linked (a view over the findings, not copies): for the coordinator, and
  // for leaders over their units; only in the "all" view and when the filters allow a deviation.
  const showFindings =
    input.includeFindings &&
    input.view === 'all' &&
    (input.kind === undefined || input.kind === 'deviation') &&
    (input.channel === undefined || input.channel === 'audit');
  if (showFindings && (coordinator || actor.roles.includes('leader'))) {
    const [findings, actions] = await Promise.all([
      services.quality.listFindings(),
      services.quality.listCorrectiveActions(),
    ]);
    const actionStatus = new Map(actions.map((action) => [action.id, action.status]));
    for (const finding of findings) {
      const visible = coordinator || (finding.unitId !== null && isUnitWithin(finding.unitId, actor.unitId, parentOf));
      if (!visible || !inUnit(finding.unitId)) continue;
      // Withdrawn by a correction of its audit's report: kept with the audit, not listed as a deviation.
      if (finding.withdrawal !== null) continue;
      if (input.from && finding.foundOn < input.from) continue;
      if (input.to && finding.foundOn > input.to) continue;
      const row = findingRow(
        finding,
        finding.correctiveActionId === null ? null : (actionStatus.get(finding.correctiveActionId) ?? null),
        names,
        today,
      );
      if (input.status === undefined || row.status === input.status) rows.push(row);
    }
  }
  rows.sort((a, b) => b.receivedOn.localeCompare(a.receivedOn));
  return {
    today,
    rows,
    abilities: {
      report: canReportToRegister(actor),
      readStatistics: canReadRegisterStatistics(actor),
      manageSettings: canManageRegister(actor),
    },
  };
}

/**
 * The register's figures for a period, for the whole organisation (the management evaluation's
 * pack; fit for the yearly report too): counts per kind, the top root causes, replies in time and
 * open items by age, as they stood at the end of `period.to` (core/register-figures.ts). Reads the
 * items received by then, with their trails, so a pack assembled later as of a past day counts
 * no later item and no later step. No personal data and no item texts: figures and the
 * municipality's root-cause labels only.
 */
export async function registerFiguresFor(
  deps: { register: Pick<RegisterStore, 'listItems' | 'getSettings'>; settings: Pick<Settings, 'timeZone'> },
  period: { from: LocalDate; to: LocalDate },
): Promise<RegisterFigures> {
  const [stored, items] = await Promise.all([deps.register.getSettings(), deps.register.listItems({ to: period.to })]);
  const settings = stored ?? defaultRegisterSettings('1970-01-01T00:00:00.000Z', 'system');
  const rows = items.flatMap((item) => statisticsRowAsOf(item, period.to, deps.settings.timeZone, settings) ?? []);
  const labels = new Map(settings.rootCauseCategories.map((category) => [category.id, category.label]));
  return registerFigures(rows, period, (id) => labels.get(id) ?? { da: id, nb: id, en: id });
}

export async function registerStatisticsFor(
  services: Services,
  actor: Actor,
  input: { to?: string | undefined; months: number; kind?: RegisterKind | undefined; unitId?: string | undefined },
  locale: Locale = 'da',
): Promise<RegisterStatisticsDto> {
  ensure(canReadRegisterStatistics(actor), 'Leaders and the coordinator read the register’s statistics.');
  const [settings, names, units] = await Promise.all([
    registerSettingsOf(services),
    namesOf(services),
    services.store.listUnits(),
  ]);
  const to = (input.to ?? todayOf(services)) as LocalDate;
  const from = periodStart(to, input.months);
  const parentOf = parentLookup(units);
  // A leader sees their own part of the organisation; the coordinator all of it.
  const scopeUnit = input.unitId ?? (isCoordinator(actor) ? null : actor.unitId);
  const rows = (await services.register.statisticsRows(to)).filter(
    (row) =>
      (input.kind === undefined || row.kind === input.kind) &&
      (scopeUnit === null || (row.unitId !== null && isUnitWithin(row.unitId, scopeUnit, parentOf))),
  );
  const statistics = registerStatistics(rows, from, to);
  const label = labelIn(settings, locale);
  const withLabels = (counts: { key: string; count: number }[], labelOf: (key: string) => string) =>
    counts.map((entry) => ({ ...entry, label: entry.key === noneKey ? '–' : labelOf(entry.key) }));
  // Kinds in the public form's words (the same in every door), channels in the register's.
  const kindText = serverTexts(locale, 'registerPage');
  const channelText = serverTexts(locale, 'register');
  const kindLabel = (key: string) => (isRegisterKind(key) ? kindText(`kind.${key}`) : key);
  const channelLabel = (key: string) => (isRegisterChannel(key) ? channelText(`channel.${key}`) : key);
  return {
    ...statistics,
    byKind: withLabels(statistics.byKind, kindLabel),
    byCategory: withLabels(statistics.byCategory, (key) => label('categories', key)),
    byRootCause: withLabels(statistics.byRootCause, (key) => label('rootCauseCategories', key)),
    byUnit: withLabels(statistics.byUnit, (key) => names.units.get(key)?.name ?? key),
    byChannel: withLabels(statistics.byChannel, channelLabel),
    pareto: statistics.pareto.map((entry) => ({ ...entry, label: label('rootCauseCategories', entry.key) })),
  };
}

/** How many root-cause categories the public report names. */
const publicRootCauseCount = 5;

/**
 * The register's figures for a public report over `period` (the yearly report): counts per kind
 * of the items received in the period, reply-time compliance against the reply deadlines in force,
 * the top root causes (labels in every language, so a frozen report reads the same in each), the
 * items closed and the corrective actions started from register items in the period and closed in
 * it. Replies and closing are counted as known when the figures are taken (an item of December
 * answered in January counts as answered). Counts and labels only: no item text, sender, handler or unit. Reads on behalf of the
 * product (no actor): the caller decides who may see the result.
 *
 * The management-evaluation pack computes similar figures for its own period; the two may share
 * this function (or `registerStatistics` underneath).
 */
export async function publicRegisterFiguresFor(
  services: Services,
  period: { from: LocalDate; to: LocalDate },
): Promise<YearlyReportRegister> {
  const [settings, rows, items, actions] = await Promise.all([
    registerSettingsOf(services),
    services.register.statisticsRows(period.to),
    services.register.listItems({ from: period.from, to: period.to, status: 'closed' }),
    services.quality.listCorrectiveActions(),
  ]);
  const statistics = registerStatistics(rows, period.from, period.to);
  const byKind = Object.fromEntries(registerKinds.map((kind) => [kind, 0])) as Record<RegisterKind, number>;
  for (const entry of statistics.byKind) byKind[entry.key as RegisterKind] = entry.count;
  const labelOf = (id: string) =>
    settings.rootCauseCategories.find((category) => category.id === id)?.label ?? { da: id, nb: id, en: id };
  const within = (day: string | null) => day !== null && day >= period.from && day <= period.to;
  const fromRegister = actions.filter((action) => action.source.kind === 'feedback');
  const started = fromRegister.filter((action) =>
    within(localDateOf(new Date(action.createdAt), services.settings.timeZone)),
  );
  return {
    byKind,
    total: statistics.total,
    replyCompliance: statistics.replyCompliance,
    replyDeadlines: settings.replyDeadlines,
    rootCauses: statistics.byRootCause
      .slice(0, publicRootCauseCount)
      .map((entry) => ({ label: labelOf(entry.key), count: entry.count })),
    closedItems: items.length,
    actionsStarted: started.length,
    actionsClosed: fromRegister.filter((action) => action.status === 'closed' && within(action.closedOn)).length,
  };
}

export async function publicRegisterOptions(services: Services, locale: Locale): Promise<PublicRegisterOptionsDto> {
  const settings = await registerSettingsOf(services);
  return {
    kinds: ['praise', 'complaint', 'suggestion'],
    caseAreas: settings.caseAreas
      .filter((area) => area.isActive)
      .map((area) => ({ id: area.id, label: area.label[locale] })),
    limits: {
      description: registerLimits.description,
      caseNumber: registerLimits.caseNumber,
      contactName: registerLimits.contactName,
      email: registerLimits.email,
      phone: registerLimits.phone,
    },
  };
}

/** The private status page: only the token's own item, never contact details or names. */
export async function publicRegisterStatus(
  services: Services,
  token: string,
  locale: Locale,
): Promise<PublicStatusDto> {
  const item = isSurveyTokenShape(token)
    ? await services.register.findByStatusTokenHash(hashSurveyToken(token))
    : undefined;
  if (!item) throw new AppError('NOT_FOUND', 'No such status link.');
  const settings = await registerSettingsOf(services);
  return {
    receiptNumber: item.receiptNumber,
    kind: item.kind,
    status: item.status,
    receivedOn: item.receivedOn,
    caseArea: item.caseAreaId === null ? null : labelIn(settings, locale)('caseAreas', item.caseAreaId),
    description: item.description,
    replyDueOn: item.replyDueOn,
    interimReplies: item.interimReplies.map((reply) => ({
      text: reply.text,
      waitingFor: reply.waitingFor,
      expectedOn: reply.expectedOn,
      sentAt: reply.sentAt,
    })),
    reply: item.reply === null ? null : { text: item.reply.text, sentAt: item.reply.sentAt },
    closedOn: item.closedOn,
  };
}

/** What the register holds about a sender, by e-mail (GDPR art. 15): coordinator only. */
export async function exportSender(services: Services, actor: Actor, email: string) {
  ensure(canManageRegister(actor), 'Only the coordinator exports what the register holds about a sender.');
  const items = await services.register.itemsByContactEmail(email);
  return {
    email,
    items: items.map((item) => ({
      receiptNumber: item.receiptNumber,
      kind: item.kind,
      status: item.status,
      receivedOn: item.receivedOn,
      description: item.description,
      contact: item.contact ?? { name: null, email: null, phone: null },
      reply: item.reply?.text ?? null,
    })),
  };
}

const isRegisterKind = (key: string): key is RegisterKind => (registerKinds as readonly string[]).includes(key);
const isRegisterChannel = (key: string): key is RegisterChannel =>
  (registerChannels as readonly string[]).includes(key);
