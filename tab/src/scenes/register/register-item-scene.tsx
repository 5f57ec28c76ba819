import { Button, Field, Input, Link, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { registerScopes, type RegisterStatus } from '../../../../functions/src/core/register-types';
import { registerLimits } from '../../../../functions/src/contract/register-schemas';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import type { ApiRequestError } from '../../api/api-error';
import type { RegisterItemDetailDto, RegisterSettingsDto } from '../../api/register-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { DateField } from '../../shared/date-field';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { OptionDropdown } from '../../shared/option-dropdown';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import {
  channelKey,
  kindKey,
  likelihoodKey,
  riskKey,
  scopeKey,
  severityKey,
  statusKey,
  trailKey,
} from './register-labels';
import { useRegisterStyles } from './register-styles';

/**
 * One register item: what was reported and by whom, and, for its handler and the coordinator,
 * the handling in the order it happens: the assessment (severity, likelihood, scope, unit,
 * category: it routes the item), the immediate correction apart from the root cause, the
 * status, an interim reply and the answer to the sender, corrective actions started from it,
 * and the trail. What each person may do comes with the item (`abilities`, `allowedStatuses`).
 */
export function RegisterItemScene(props: { session: Session; itemId: string; query: URLSearchParams }) {
  const { t } = useI18n();
  const api = useApi();
  const key = queryKeyOf('register-get', { params: { id: props.itemId } });
  const item = useApiQuery(key, (signal) => api.getRegisterItem(props.itemId, signal));
  const settings = useApiQuery(queryKeyOf('register-settings-get'), (signal) => api.getRegisterSettings(signal));
  const sent = props.query.get('sent');
  // Kept here: the item view remounts with each new etag (its forms start from the fresh item).
  const [notice, setNotice] = useState<string | null>(sent ? t('register.new.sent', { number: sent }) : null);
  if (item.error)
    return (
      <>
        <PageHeading documentTitle={t('register.title')}>{t('register.title')}</PageHeading>
        {item.error.status === 404 || item.error.status === 403 ? (
          <p>{t('register.item.notFound')}</p>
        ) : (
          <ErrorAlert error={item.error} onRetry={item.reload} />
        )}
        <AppLink href={paths.register()}>{t('register.item.back')}</AppLink>
      </>
    );
  if (!item.data) return <Loading label={t('app.loading')} />;
  return (
    <ItemView
      key={item.data.etag}
      item={item.data}
      settings={settings.data ?? null}
      session={props.session}
      notice={notice}
      onDone={setNotice}
    />
  );
}

function ItemView(props: {
  item: RegisterItemDetailDto;
  settings: RegisterSettingsDto | null;
  session: Session;
  notice: string | null;
  onDone(text: string): void;
}) {
  const { t, formatDate, formatInstant } = useI18n();
  const styles = useRegisterStyles();
  const { item } = props;
  const facts: [string, ReactNode][] = [
    [t('register.item.receipt'), item.receiptNumber],
    [t('register.item.kind'), t(kindKey[item.kind])],
    [t('register.item.status'), t(statusKey[item.status])],
    [t('register.item.channel'), t(channelKey[item.channel])],
    [t('register.item.received'), formatDate(item.receivedOn)],
    [t('register.item.reportedBy'), item.reportedBy?.name ?? t('register.item.citizen')],
    [t('register.item.handler'), item.handler?.name ?? t('register.item.coordinator')],
    ...(item.units.length > 0
      ? [[t('register.item.units'), item.units.map((unit) => unit.name).join(', ')] as [string, ReactNode]]
      : []),
    ...(item.caseArea ? [[t('register.item.caseArea'), item.caseArea.name] as [string, ReactNode]] : []),
    ...(item.caseNumber ? [[t('register.item.caseNumber'), item.caseNumber] as [string, ReactNode]] : []),
    ...(item.replyDueOn
      ? [
          [
            t('register.item.replyDue'),
            <span className={item.isReplyOverdue ? styles.overdue : undefined}>
              {formatDate(item.replyDueOn)}
              {item.isReplyOverdue ? ` (${t('register.overdue')})` : ''}
            </span>,
          ] as [string, ReactNode],
        ]
      : []),
    ...(item.severity !== null
      ? [[t('register.item.severity'), t(severityKey[item.severity]!)] as [string, ReactNode]]
      : []),
    ...(item.likelihood !== null
      ? [[t('register.item.likelihood'), t(likelihoodKey[item.likelihood]!)] as [string, ReactNode]]
      : []),
    ...(item.riskScore !== null && item.riskBand
      ? [
          [
            t('register.item.risk'),
            t('register.riskValue', { score: item.riskScore, band: t(riskKey[item.riskBand]) }),
          ] as [string, ReactNode],
        ]
      : []),
    [t('register.item.scope'), t(scopeKey[item.scope])],
    ...(item.category ? [[t('register.item.category'), item.category.name] as [string, ReactNode]] : []),
    ...(item.audit
      ? [
          [t('register.item.audit'), <AppLink href={paths.auditDetail(item.audit.id)}>{item.audit.name}</AppLink>] as [
            string,
            ReactNode,
          ],
        ]
      : []),
  ];
  const done = props.onDone;
  const notice = props.notice;

  return (
    <article>
      <PageHeading documentTitle={`${item.receiptNumber} ${item.title}`}>{item.title}</PageHeading>
      <div role="status" aria-live="polite">
        {notice ? (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <PageSection id="register-facts" heading={t('register.item.facts')}>
        <dl className={styles.facts}>
          {facts.map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.definition}>{value}</dd>
            </div>
          ))}
        </dl>
      </PageSection>
      <PageSection id="register-description" heading={t('register.item.description')}>
        <p className={styles.text}>{item.description}</p>
        {item.procedures.length > 0 ? (
          <>
            <h3>{t('register.item.procedures')}</h3>
            <ul className={styles.list}>
              {item.procedures.map((procedure) => (
                <li key={procedure.id}>
                  <AppLink href={paths.procedure(procedure.id)}>{procedure.name}</AppLink>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {item.sourceMessage ? (
          <>
            <h3>{t('register.item.sourceMessage')}</h3>
            {item.sourceMessage.text ? <p className={styles.text}>{item.sourceMessage.text}</p> : null}
            {item.sourceMessage.url ? (
              <Link href={item.sourceMessage.url} target="_blank" rel="noreferrer">
                {t('register.item.openMessage')}
              </Link>
            ) : null}
          </>
        ) : null}
        {item.correction ? (
          <>
            <h3>{t('register.item.correction')}</h3>
            <p className={styles.text}>{item.correction}</p>
          </>
        ) : null}
        {item.rootCauseCategory || item.rootCause ? (
          <>
            <h3>{t('register.item.rootCause')}</h3>
            <p className={styles.text}>{[item.rootCauseCategory?.name, item.rootCause].filter(Boolean).join(': ')}</p>
          </>
        ) : null}
      </PageSection>
      <PageSection id="register-contact" heading={t('register.item.contact')}>
        {item.contact ? (
          <dl className={styles.facts}>
            {(['name', 'email', 'phone'] as const)
              .filter((field) => item.contact?.[field])
              .map((field) => (
                <div key={field} style={{ display: 'contents' }}>
                  <dt className={styles.term}>{t(`register.contact.${field}`)}</dt>
                  <dd className={styles.definition}>{item.contact?.[field]}</dd>
                </div>
              ))}
          </dl>
        ) : item.contactRemovedOn ? (
          <p>{t('register.item.contactRemoved', { date: formatDate(item.contactRemovedOn) })}</p>
        ) : item.hasContact ? (
          <p>{t('register.item.contactHidden')}</p>
        ) : item.channel === 'public' && !item.canBeAnswered ? (
          <p>{t('register.item.noContact')}</p>
        ) : (
          <p>{item.reportedBy?.name ?? t('register.none')}</p>
        )}
      </PageSection>

      {item.abilities.assess ? (
        <AssessForm item={item} settings={props.settings} session={props.session} onDone={done} />
      ) : null}
      {item.abilities.handle ? <HandlingForm item={item} settings={props.settings} onDone={done} /> : null}
      {item.allowedStatuses.length > 0 ? <StatusForm item={item} onDone={done} /> : null}

      <PageSection id="register-replies" heading={t('register.reply.heading')}>
        {item.interimReplies.map((interim) => (
          <div key={interim.sentAt}>
            <h3>{t('register.interim.heading')}</h3>
            <p className={styles.muted}>
              {t('register.interim.item', {
                date: formatInstant(interim.sentAt),
                what: interim.waitingFor,
                expected: formatDate(interim.expectedOn),
              })}
            </p>
            <p className={styles.text}>{interim.text}</p>
          </div>
        ))}
        {item.reply ? (
          <div data-testid="register-reply">
            <p className={styles.muted}>
              {t('register.reply.sentOn', { date: formatInstant(item.reply.sentAt), name: item.reply.sentBy.name })}
              {item.reply.isLate ? ` ${t('register.reply.late')}` : ''}
            </p>
            <p className={styles.text}>{item.reply.text}</p>
          </div>
        ) : null}
        {!item.canBeAnswered ? <p>{t('register.item.noContact')}</p> : null}
        {item.abilities.reply && !item.reply && item.canBeAnswered ? (
          <>
            <InterimReplyForm item={item} onDone={done} />
            <ReplyForm item={item} onDone={done} />
          </>
        ) : null}
      </PageSection>

      <PageSection id="register-actions" heading={t('register.action.heading')}>
        {item.correctiveActions.length === 0 ? (
          <p>{t('register.action.none')}</p>
        ) : (
          <ul className={styles.list}>
            {item.correctiveActions.map((action) => (
              <li key={action.id}>
                <AppLink href={paths.action(action.id)}>{action.title}</AppLink>
              </li>
            ))}
          </ul>
        )}
        {item.abilities.startCorrectiveAction ? <StartActionForm item={item} onDone={done} /> : null}
      </PageSection>

      <PageSection id="register-trail" heading={t('register.trail.heading')}>
        <ol className={styles.list}>
          {item.trail.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              {formatInstant(entry.at)} · {entry.actor?.name ?? t('register.trail.system')} · {t(trailKey[entry.event])}
              {' → '}
              {t(statusKey[entry.status])}
            </li>
          ))}
        </ol>
      </PageSection>
      <p>
        <AppLink href={paths.register()}>{t('register.item.back')}</AppLink>
      </p>
    </article>
  );
}

/** The writes below all answer the fresh item; the list and the item are read again. */
function useItemWrite<Input>(item: RegisterItemDetailDto, run: (input: Input) => Promise<unknown>, onDone: () => void) {
  return useApiMutation({
    run,
    invalidates: () => [queryKeyOf('register-get', { params: { id: item.id } }), queryKeyOf('register-list')],
    onSuccess: onDone,
  });
}

function WriteError(props: { error: ApiRequestError | null }) {
  return props.error ? <ErrorAlert error={props.error} /> : null;
}

function AssessForm(props: {
  item: RegisterItemDetailDto;
  settings: RegisterSettingsDto | null;
  session: Session;
  onDone(text: string): void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useRegisterStyles();
  const { item } = props;
  const [severity, setSeverity] = useState(String(item.severity ?? 3));
  const [likelihood, setLikelihood] = useState(String(item.likelihood ?? 3));
  const [scope, setScope] = useState<string>(item.scope);
  const [unitId, setUnitId] = useState(item.units[0]?.id ?? props.session.units[0]?.id ?? '');
  const [categoryId, setCategoryId] = useState(item.category?.id ?? '');
  const saving = useItemWrite(
    item,
    () =>
      api.assessRegisterItem(item, {
        severity: Number(severity),
        likelihood: item.kind === 'deviation' ? Number(likelihood) : null,
        scope: scope as (typeof registerScopes)[number],
        unitIds: [unitId, ...item.units.map((unit) => unit.id).filter((id) => id !== unitId)],
        categoryId: categoryId || null,
      }),
    () => props.onDone(t('register.assess.saved')),
  );
  const categories = (props.settings?.categories ?? []).filter(
    (category) => category.isActive && category.kinds.includes(item.kind),
  );
  const numbers = [1, 2, 3, 4, 5];
  return (
    <PageSection id="register-assess" heading={t('register.assess.heading')}>
      <form
        className={styles.form}
        aria-label={t('register.assess.heading')}
        onSubmit={(event) => {
          event.preventDefault();
          saving.mutate(undefined);
        }}
      >
        <OptionDropdown
          label={t('register.item.severity')}
          options={numbers.map((value) => ({ value: String(value), text: t(severityKey[value]!) }))}
          value={severity}
          onChange={setSeverity}
        />
        {item.kind === 'deviation' ? (
          <OptionDropdown
            label={t('register.item.likelihood')}
            options={numbers.map((value) => ({ value: String(value), text: t(likelihoodKey[value]!) }))}
            value={likelihood}
            onChange={setLikelihood}
          />
        ) : null}
        <OptionDropdown
          label={t('register.item.scope')}
          options={registerScopes.map((value) => ({ value, text: t(scopeKey[value]) }))}
          value={scope}
          onChange={setScope}
        />
        <OptionDropdown
          label={t('register.assess.mainUnit')}
          options={props.session.units.map((unit) => ({ value: unit.id, text: unit.name }))}
          value={unitId}
          onChange={setUnitId}
        />
        {categories.length > 0 ? (
          <OptionDropdown
            label={t('register.item.category')}
            options={[
              { value: '', text: t('register.none') },
              ...categories.map((category) => ({ value: category.id, text: category.label[locale] })),
            ]}
            value={categoryId}
            onChange={setCategoryId}
          />
        ) : null}
        <WriteError error={saving.error ?? null} />
        <div className={styles.buttons}>
          <Button appearance="primary" type="submit" disabled={saving.isPending}>
            {t('register.assess.save')}
          </Button>
        </div>
      </form>
    </PageSection>
  );
}

function HandlingForm(props: {
  item: RegisterItemDetailDto;
  settings: RegisterSettingsDto | null;
  onDone(text: string): void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useRegisterStyles();
  const { item } = props;
  const [correction, setCorrection] = useState(item.correction ?? '');
  const [rootCauseCategoryId, setRootCauseCategoryId] = useState(item.rootCauseCategory?.id ?? '');
  const [rootCause, setRootCause] = useState(item.rootCause ?? '');
  const saving = useItemWrite(
    item,
    () =>
      api.updateRegisterHandling(item, {
        correction: correction.trim() || null,
        rootCauseCategoryId: rootCauseCategoryId || null,
        rootCause: rootCause.trim() || null,
      }),
    () => props.onDone(t('register.handling.saved')),
  );
  const rootCauses = (props.settings?.rootCauseCategories ?? []).filter(
    (category) => category.isActive || category.id === rootCauseCategoryId,
  );
  return (
    <PageSection id="register-handling" heading={t('register.handling.heading')}>
      <form
        className={styles.form}
        aria-label={t('register.handling.heading')}
        onSubmit={(event) => {
          event.preventDefault();
          saving.mutate(undefined);
        }}
      >
        <Field label={t('register.item.correction')} hint={t('register.handling.correctionHint')}>
          <Textarea value={correction} maxLength={4000} onChange={(_, data) => setCorrection(data.value)} />
        </Field>
        <OptionDropdown
          label={t('register.handling.rootCauseCategory')}
          options={[
            { value: '', text: t('register.none') },
            ...rootCauses.map((category) => ({ value: category.id, text: category.label[locale] })),
          ]}
          value={rootCauseCategoryId}
          onChange={setRootCauseCategoryId}
        />
        <Field label={t('register.item.rootCause')} hint={t('register.handling.rootCauseHint')}>
          <Textarea value={rootCause} maxLength={4000} onChange={(_, data) => setRootCause(data.value)} />
        </Field>
        <WriteError error={saving.error ?? null} />
        <div className={styles.buttons}>
          <Button appearance="primary" type="submit" disabled={saving.isPending}>
            {t('register.handling.save')}
          </Button>
        </div>
      </form>
    </PageSection>
  );
}

function StatusForm(props: { item: RegisterItemDetailDto; onDone(text: string): void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useRegisterStyles();
  const { item } = props;
  const [to, setTo] = useState<RegisterStatus>(item.allowedStatuses[0]!);
  const [note, setNote] = useState('');
  const saving = useItemWrite(
    item,
    () => api.changeRegisterStatus(item, { to, ...(note.trim() ? { note } : {}) }),
    () => props.onDone(t('register.statusChange.saved')),
  );
  return (
    <PageSection id="register-status" heading={t('register.statusChange.heading')}>
      <form
        className={styles.form}
        aria-label={t('register.statusChange.heading')}
        onSubmit={(event) => {
          event.preventDefault();
          saving.mutate(undefined);
        }}
      >
        <OptionDropdown
          label={t('register.statusChange.to')}
          options={item.allowedStatuses.map((value) => ({ value, text: t(statusKey[value]) }))}
          value={to}
          onChange={(value) => setTo(value as RegisterStatus)}
        />
        <Field label={t('register.statusChange.note')}>
          <Input value={note} maxLength={2000} onChange={(_, data) => setNote(data.value)} />
        </Field>
        <WriteError error={saving.error ?? null} />
        <div className={styles.buttons}>
          <Button type="submit" disabled={saving.isPending}>
            {t('register.statusChange.save')}
          </Button>
        </div>
      </form>
    </PageSection>
  );
}

function InterimReplyForm(props: { item: RegisterItemDetailDto; onDone(text: string): void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useRegisterStyles();
  const [text, setText] = useState('');
  const [waitingFor, setWaitingFor] = useState('');
  const [expectedOn, setExpectedOn] = useState('');
  const saving = useItemWrite(
    props.item,
    () => api.sendInterimReply(props.item, { text, waitingFor, expectedOn }),
    () => props.onDone(t('register.interim.sent')),
  );
  return (
    <form
      className={styles.form}
      aria-label={t('register.interim.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        saving.mutate(undefined);
      }}
    >
      <h3>{t('register.interim.heading')}</h3>
      <Field label={t('register.interim.text')} required>
        <Textarea value={text} maxLength={registerLimits.reply} onChange={(_, data) => setText(data.value)} />
      </Field>
      <Field label={t('register.interim.waitingFor')} required>
        <Input value={waitingFor} maxLength={1000} onChange={(_, data) => setWaitingFor(data.value)} />
      </Field>
      <Field label={t('register.interim.expectedOn')} required>
        <DateField value={expectedOn} onChange={setExpectedOn} required />
      </Field>
      <WriteError error={saving.error ?? null} />
      <div className={styles.buttons}>
        <Button type="submit" disabled={saving.isPending}>
          {t('register.interim.send')}
        </Button>
      </div>
    </form>
  );
}

function ReplyForm(props: { item: RegisterItemDetailDto; onDone(text: string): void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useRegisterStyles();
  const [text, setText] = useState('');
  const saving = useItemWrite(
    props.item,
    () => api.sendRegisterReply(props.item, { text }),
    () => props.onDone(t('register.reply.sent')),
  );
  return (
    <form
      className={styles.form}
      aria-label={t('register.reply.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        saving.mutate(undefined);
      }}
    >
      <Field label={t('register.reply.text')} required>
        <Textarea value={text} rows={5} maxLength={registerLimits.reply} onChange={(_, data) => setText(data.value)} />
      </Field>
      <WriteError error={saving.error ?? null} />
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={saving.isPending}>
          {t('register.reply.send')}
        </Button>
      </div>
    </form>
  );
}

function StartActionForm(props: { item: RegisterItemDetailDto; onDone(text: string): void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useRegisterStyles();
  const [title, setTitle] = useState('');
  const saving = useItemWrite(
    props.item,
    () => api.startRegisterAction(props.item, title.trim() ? { title } : {}),
    () => props.onDone(t('register.action.started')),
  );
  return (
    <form
      className={styles.form}
      aria-label={t('register.action.start')}
      onSubmit={(event) => {
        event.preventDefault();
        saving.mutate(undefined);
      }}
    >
      <Field label={t('register.action.title')} hint={t('register.action.titleHint')}>
        <Input value={title} maxLength={120} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <WriteError error={saving.error ?? null} />
      <div className={styles.buttons}>
        <Button type="submit" disabled={saving.isPending}>
          {t('register.action.start')}
        </Button>
      </div>
    </form>
  );
}
