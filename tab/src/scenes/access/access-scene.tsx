import {
  Button,
  Checkbox,
  Combobox,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AccessRequestDto } from '../../api/access-api';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { DateField } from '../../shared/date-field';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import { formatDate } from '../../../../functions/src/i18n/format-date';

const useStyles = makeStyles({
  intro: { maxWidth: '48rem' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalL,
  },
  cardHeading: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: '2px',
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  definition: { margin: 0 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    marginTop: tokens.spacingVerticalM,
  },
  subheading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
});

const listKey = queryKeyOf('access-requests-list');

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Aktindsigt / innsyn: the requests with their deadlines, a new request, the export and the answer. */
export function AccessScene() {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const requests = useApiQuery(listKey, (signal) => api.listAccessRequests(signal));
  const title = t('access.title');
  return (
    <>
      <PageHeading documentTitle={title}>{title}</PageHeading>
      <p className={styles.intro}>{t('access.intro')}</p>
      <PageSection id="access-new" heading={t('access.new.heading')}>
        <NewRequestForm />
      </PageSection>
      <PageSection id="access-list" heading={t('access.list.heading')}>
        {requests.error ? <ErrorAlert error={requests.error} onRetry={requests.reload} /> : null}
        {!requests.data && !requests.error ? <Loading label={t('app.loading')} /> : null}
        {requests.data && requests.data.items.length === 0 ? <p>{t('access.list.empty')}</p> : null}
        {requests.data && requests.data.items.length > 0 ? (
          <ul className={styles.list}>
            {requests.data.items.map((request) => (
              <li key={request.id}>
                <RequestCard request={request} />
              </li>
            ))}
          </ul>
        ) : null}
      </PageSection>
    </>
  );
}

function NewRequestForm() {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const procedures = useApiQuery(queryKeyOf('procedures-list', { query: { limit: 1000 } }), (signal) =>
    api.listProcedures({ limit: 1000 }, signal),
  );
  const [law, setLaw] = useState<'dk' | 'no'>('dk');
  const [requesterName, setRequesterName] = useState('');
  const [requesterContact, setRequesterContact] = useState('');
  const [subject, setSubject] = useState('');
  const [procedureIds, setProcedureIds] = useState<string[]>([]);
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [status, setStatus] = useState('');
  const [missing, setMissing] = useState(false);
  const create = useApiMutation({
    run: () => api.createAccessRequest({ law, requesterName, requesterContact, subject, procedureIds, receivedOn }),
    invalidates: () => [listKey],
    onSuccess: (created) => {
      setStatus(t('access.new.created', { name: created.requesterName, date: formatDate(created.deadlineOn, locale) }));
      setRequesterName('');
      setRequesterContact('');
      setSubject('');
      setProcedureIds([]);
      setMissing(false);
    },
  });
  const items = procedures.data?.items ?? [];
  const labelOf = (id: string) => {
    const item = items.find((candidate) => candidate.id === id);
    return item ? `${item.code} ${item.title}` : id;
  };
  const submit = () => {
    setStatus('');
    if (!requesterName.trim() || !subject.trim() || procedureIds.length === 0 || !receivedOn) {
      setMissing(true);
      return;
    }
    create.mutate(undefined);
  };
  const required = (value: boolean) => (missing && !value ? t('access.new.required') : undefined);
  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Field label={t('access.new.law')} required>
        <RadioGroup value={law} onChange={(_, data) => setLaw(data.value === 'no' ? 'no' : 'dk')}>
          <Radio value="dk" label={t('access.law.dk')} />
          <Radio value="no" label={t('access.law.no')} />
        </RadioGroup>
      </Field>
      <Field label={t('access.new.requester')} required validationMessage={required(requesterName.trim() !== '')}>
        <Input value={requesterName} maxLength={200} onChange={(_, data) => setRequesterName(data.value)} />
      </Field>
      <Field label={t('access.new.contact')} hint={t('access.new.contactHint')}>
        <Input value={requesterContact} maxLength={300} onChange={(_, data) => setRequesterContact(data.value)} />
      </Field>
      <Field label={t('access.new.subject')} required validationMessage={required(subject.trim() !== '')}>
        <Textarea value={subject} maxLength={2000} rows={3} onChange={(_, data) => setSubject(data.value)} />
      </Field>
      <Field
        label={t('access.new.procedures')}
        required
        hint={t('access.new.proceduresHint')}
        validationMessage={required(procedureIds.length > 0)}
      >
        <Combobox
          multiselect
          inlinePopup
          placeholder={procedureIds.length > 0 ? procedureIds.map(labelOf).join(', ') : t('access.new.choose')}
          selectedOptions={procedureIds}
          onOptionSelect={(_, data) => setProcedureIds(data.selectedOptions)}
        >
          {items.map((item) => (
            <Option key={item.id} value={item.id} text={`${item.code} ${item.title}`}>
              {`${item.code} ${item.title}`}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label={t('access.new.received')} required validationMessage={required(receivedOn !== '')}>
        <DateField value={receivedOn} onChange={setReceivedOn} maxDate={todayIso()} required />
      </Field>
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <div>
        <Button type="submit" appearance="primary" disabled={create.isPending}>
          {t('access.new.submit')}
        </Button>
      </div>
      <p role="status">{status}</p>
    </form>
  );
}

function DeadlineText(props: { request: AccessRequestDto }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { deadlineStatus, deadlineOn } = props.request;
  const date = formatDate(deadlineOn, locale);
  if (deadlineStatus.kind === 'answered') return <>{t('access.deadline.answered', { date })}</>;
  if (deadlineStatus.kind === 'overdue')
    return (
      <span className={styles.overdue}>
        {t('access.deadline.overdue', { date, count: deadlineStatus.workingDaysLate })}
      </span>
    );
  return <>{t('access.deadline.due', { date, count: deadlineStatus.workingDaysLeft })}</>;
}

function RequestCard(props: { request: AccessRequestDto }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const { request } = props;
  const [includeDrafts, setIncludeDrafts] = useState(false);
  const [decision, setDecision] = useState<'granted' | 'partly-granted' | 'refused'>('granted');
  const [answerText, setAnswerText] = useState('');
  const [answeredOn, setAnsweredOn] = useState(todayIso());
  const [downloadError, setDownloadError] = useState<ApiRequestError | undefined>(undefined);
  const headingId = `access-${request.id}`;
  const produce = useApiMutation({
    run: () => api.produceAccessExport(request, includeDrafts),
    invalidates: () => [listKey],
  });
  const answer = useApiMutation({
    run: () => api.answerAccessRequest(request, { decision, text: answerText, answeredOn }),
    invalidates: () => [listKey],
  });
  const download = async (number: number, fileName: string) => {
    setDownloadError(undefined);
    try {
      const blob = await api.downloadAccessExport(request.id, number);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (failure) {
      setDownloadError(asApiRequestError(failure));
    }
  };
  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.cardHeading}>
        {t('access.card.heading', { name: request.requesterName, date: formatDate(request.receivedOn, locale) })}
      </h3>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('access.card.law')}</dt>
        <dd className={styles.definition}>{t(request.law === 'no' ? 'access.law.no' : 'access.law.dk')}</dd>
        <dt className={styles.term}>{t('access.card.subject')}</dt>
        <dd className={styles.definition}>{request.subject}</dd>
        <dt className={styles.term}>{t('access.card.procedures')}</dt>
        <dd className={styles.definition}>{request.procedures.map((p) => `${p.code} ${p.title}`).join('; ')}</dd>
        <dt className={styles.term}>{t('access.card.deadline')}</dt>
        <dd className={styles.definition}>
          <DeadlineText request={request} />
        </dd>
        {request.answer ? (
          <>
            <dt className={styles.term}>{t('access.card.answer')}</dt>
            <dd className={styles.definition}>
              {t('access.card.answerText', {
                decision: t(`access.decision.${request.answer.decision}`),
                date: formatDate(request.answer.answeredOn, locale),
                name: request.answer.answeredBy.name,
              })}
              {request.answer.text ? ` ${request.answer.text}` : ''}
            </dd>
          </>
        ) : null}
      </dl>

      <h4 className={styles.subheading}>{t('access.exports.heading')}</h4>
      {request.exports.length === 0 ? <p>{t('access.exports.none')}</p> : null}
      {request.exports.length > 0 ? (
        <ul>
          {request.exports.map((entry) => (
            <li key={entry.number}>
              {t('access.exports.line', {
                date: formatDate(entry.at, locale),
                name: entry.by.name,
                count: entry.files.length,
              })}{' '}
              <Button
                size="small"
                icon={<ArrowDownloadRegular aria-hidden />}
                onClick={() => void download(entry.number, entry.fileName)}
              >
                {t('access.exports.download', { fileName: entry.fileName })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {downloadError ? <ErrorAlert error={downloadError} /> : null}
      {request.state === 'open' ? (
        <>
          <div className={styles.row}>
            <Checkbox
              checked={includeDrafts}
              onChange={(_, data) => setIncludeDrafts(data.checked === true)}
              label={t('access.exports.includeDrafts')}
            />
            <Button disabled={produce.isPending} onClick={() => produce.mutate(undefined)}>
              {t('access.exports.produce')}
            </Button>
          </div>
          {produce.error ? <ErrorAlert error={produce.error} /> : null}

          <h4 className={styles.subheading}>{t('access.answer.heading')}</h4>
          <form
            className={styles.form}
            onSubmit={(event) => {
              event.preventDefault();
              answer.mutate(undefined);
            }}
          >
            <Field label={t('access.answer.decision')} required>
              <RadioGroup
                value={decision}
                onChange={(_, data) => setDecision(data.value as 'granted' | 'partly-granted' | 'refused')}
              >
                <Radio value="granted" label={t('access.decision.granted')} />
                <Radio value="partly-granted" label={t('access.decision.partly-granted')} />
                <Radio value="refused" label={t('access.decision.refused')} />
              </RadioGroup>
            </Field>
            <Field label={t('access.answer.text')}>
              <Textarea value={answerText} maxLength={4000} onChange={(_, data) => setAnswerText(data.value)} />
            </Field>
            <Field label={t('access.answer.date')} required>
              <DateField
                value={answeredOn}
                onChange={setAnsweredOn}
                minDate={request.receivedOn}
                maxDate={todayIso()}
                required
              />
            </Field>
            {answer.error ? <ErrorAlert error={answer.error} /> : null}
            <div>
              <Button type="submit" appearance="primary" disabled={answer.isPending}>
                {t('access.answer.submit')}
              </Button>
            </div>
          </form>
        </>
      ) : null}
    </article>
  );
}
