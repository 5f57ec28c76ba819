import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { z } from 'zod';
import type { AuditReportRevisionDto, AuditViewDto, FindingViewDto } from '../../api/audit-api';
import { correctAuditReportBody, findingBody, reportAuditBody } from '../../../../functions/src/contract/audit-schemas';
import { checklistResults } from '../../../../functions/src/core/quality-year-types';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { ErrorAlert } from '../../shared/error-alert';
import { CheckboxField, DropdownField, TextField, TextareaField } from '../../shared/form/form-fields';
import { encodeFormMessage } from '../../shared/form/form-message';
import { useContractForm } from '../../shared/form/use-contract-form';
import { ActionDialog } from '../procedure/action-dialog';
import { readsOfAudit } from './audit-reads';
import { gradeKey, gradeOrder, resultKey, resultOrder } from './audit-model';
import { useAuditStyles } from './audit-styles';

/**
 * "Ret rapport" (issue 16): a reported audit is locked; its report is corrected by a linked
 * revision with its reason. The revisions are listed here, the reported original first, each
 * readable as it was; the findings stay the audit's one set (a correction withdraws one with a
 * reason, never deletes or copies it).
 */

export function readsOfReport(auditId: string) {
  return [...readsOfAudit(auditId), queryKeyOf('audits-report-revisions', { params: { id: auditId } })];
}

/** The report's revisions with their links both ways: "Rettet ved rettelse 1 …" / "Retter …". */
export function ReportRevisions(props: { audit: AuditViewDto; personName(id: string): string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const styles = useAuditStyles();
  const revisions = useApiQuery(queryKeyOf('audits-report-revisions', { params: { id: props.audit.id } }), (signal) =>
    api.listReportRevisions(props.audit.id, signal),
  );
  if (revisions.error) return <ErrorAlert error={revisions.error} onRetry={revisions.reload} />;
  const list = revisions.data?.revisions ?? [];
  if (list.length < 2) return null;
  const nameOf = (revision: AuditReportRevisionDto) =>
    revision.revision === 0 ? t('audit.originalReport') : t('audit.correctionNumber', { number: revision.revision });
  return (
    <section aria-labelledby="audit-revisions-heading">
      <h3 id="audit-revisions-heading">{t('audit.revisions')}</h3>
      <ol className={styles.list}>
        {list.map((revision, index) => {
          const next = list[index + 1];
          const previous = index > 0 ? list[index - 1] : undefined;
          return (
            <li key={revision.id}>
              <details>
                <summary>
                  {nameOf(revision)}
                  {revision.revision === 0 && revision.report
                    ? ` – ${t('audit.reportedOn', { date: i18n.formatDate(revision.report.reportedOn) })}`
                    : ` – ${t('audit.correctedOnBy', {
                        date: i18n.formatDate(revision.madeAt.slice(0, 10)),
                        name: props.personName(revision.madeBy),
                      })}`}
                  {index === list.length - 1 ? ` (${t('audit.currentRevision')})` : ''}
                </summary>
                {previous ? (
                  <p>
                    {t('audit.corrects', { name: nameOf(previous) })}{' '}
                    {t('audit.correctionReasonLine', { reason: revision.correctionReason ?? '' })}
                  </p>
                ) : null}
                {next ? (
                  <p>
                    {t('audit.correctedBy', {
                      name: nameOf(next),
                      date: i18n.formatDate(next.madeAt.slice(0, 10)),
                      reason: next.correctionReason ?? '',
                    })}
                  </p>
                ) : null}
                {revision.report ? (
                  <>
                    <h4>{t('audit.summary')}</h4>
                    <p>{revision.report.summary}</p>
                    <h4>{t('audit.conclusion')}</h4>
                    <p>{revision.report.conclusion}</p>
                  </>
                ) : null}
                <ul>
                  {revision.checklist.map((line) => (
                    <li key={line.id}>
                      {line.question}: {t(resultKey[line.result])}
                      {line.note ? ` – ${line.note}` : ''}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const correctionForm = z
  .object({
    reason: correctAuditReportBody.shape.reason,
    summary: reportAuditBody.shape.summary,
    conclusion: reportAuditBody.shape.conclusion,
    results: z.record(z.string(), z.enum(checklistResults)),
    withdraw: z.record(z.string(), z.boolean()),
    withdrawReason: z.string().max(2000),
    // A finding the report missed: "" for none.
    newGrade: z.union([z.literal(''), findingBody.shape.grade]),
    newDescription: z.string().max(4000),
    newClause: z.union([z.literal(''), findingBody.shape.clause.unwrap().unwrap()]),
    newLineId: z.string(),
  })
  .refine((values) => !Object.values(values.withdraw).some(Boolean) || values.withdrawReason.trim() !== '', {
    path: ['withdrawReason'],
    message: encodeFormMessage({ key: 'form.required' }),
  })
  .refine((values) => values.newGrade === '' || values.newDescription.trim() !== '', {
    path: ['newDescription'],
    message: encodeFormMessage({ key: 'form.required' }),
  });
type CorrectionValues = z.input<typeof correctionForm>;

/** The correction's body: only what changed, the chosen findings withdrawn with the reason given. */
function correctionBodyOf(audit: AuditViewDto, values: z.output<typeof correctionForm>) {
  return {
    reason: values.reason,
    ...(values.summary !== audit.report?.summary ? { summary: values.summary } : {}),
    ...(values.conclusion !== audit.report?.conclusion ? { conclusion: values.conclusion } : {}),
    checklist: audit.checklist.flatMap((line) => {
      const result = values.results[line.id];
      return result !== undefined && result !== line.result ? [{ lineId: line.id, result }] : [];
    }),
    withdrawFindings: Object.entries(values.withdraw)
      .filter(([, isChosen]) => isChosen)
      .map(([findingId]) => ({ findingId, reason: values.withdrawReason })),
    addFindings:
      values.newGrade === ''
        ? []
        : [
            {
              grade: values.newGrade,
              description: values.newDescription.trim(),
              clause: values.newClause === '' ? null : values.newClause,
              procedureId: null,
              unitId: audit.unitId,
              checklistLineId: values.newLineId === '' ? null : values.newLineId,
            },
          ],
  };
}

/** "Ret rapport": the reason, the corrected report and results, findings to withdraw and one the report missed. */
export function CorrectReportButton(props: {
  audit: AuditViewDto;
  findings: readonly FindingViewDto[];
  onCorrected(): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const { audit } = props;
  const counted = props.findings.filter((finding) => finding.withdrawal === null);
  const none = { value: '', text: t('audit.none') };
  const defaults = (): CorrectionValues => ({
    reason: '',
    summary: audit.report?.summary ?? '',
    conclusion: audit.report?.conclusion ?? '',
    results: Object.fromEntries(audit.checklist.map((line) => [line.id, line.result])),
    withdraw: Object.fromEntries(counted.map((finding) => [finding.id, false])),
    withdrawReason: '',
    newGrade: '',
    newDescription: '',
    newClause: '',
    newLineId: '',
  });
  const form = useContractForm(correctionForm, { defaultValues: defaults() });
  return (
    <>
      <Button
        onClick={() => {
          form.reset(defaults());
          setOpen(true);
        }}
      >
        {t('audit.correctReport')}
      </Button>
      <ActionDialog
        open={open}
        wide
        title={t('audit.correctReport')}
        confirmLabel={t('audit.createCorrection')}
        form={form}
        onSubmit={async (values) => {
          await api.correctAuditReport(audit, correctionBodyOf(audit, values));
          setOpen(false);
          props.onCorrected();
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfReport(audit.id)}
      >
        <p>{t('audit.correctIntro')}</p>
        <TextareaField control={form.control} name="reason" label={t('audit.correctionReason')} required />
        <TextareaField control={form.control} name="summary" label={t('audit.summary')} required />
        <TextareaField control={form.control} name="conclusion" label={t('audit.conclusion')} required />
        {audit.checklist.map((line, index) => (
          <DropdownField
            key={line.id}
            control={form.control}
            name={`results.${line.id}`}
            label={t('audit.correctLineResult', { number: index + 1, question: line.question })}
            options={resultOrder.map((each) => ({ value: each, text: t(resultKey[each]) }))}
          />
        ))}
        {counted.length > 0 ? (
          <fieldset>
            <legend>{t('audit.withdrawFindings')}</legend>
            {counted.map((finding) => (
              <CheckboxField
                key={finding.id}
                control={form.control}
                name={`withdraw.${finding.id}`}
                label={t('audit.withdrawFinding', { finding: finding.description })}
              />
            ))}
            <TextareaField
              control={form.control}
              name="withdrawReason"
              label={t('audit.withdrawReason')}
              hint={t('audit.withdrawReasonHint')}
            />
          </fieldset>
        ) : null}
        <fieldset>
          <legend>{t('audit.addMissedFinding')}</legend>
          <DropdownField
            control={form.control}
            name="newGrade"
            label={t('audit.grade')}
            options={[none, ...gradeOrder.map((each) => ({ value: each, text: t(gradeKey[each]) }))]}
          />
          <TextareaField control={form.control} name="newDescription" label={t('audit.description')} />
          <TextField control={form.control} name="newClause" label={t('audit.clause')} hint={t('audit.clauseHint')} />
          <DropdownField
            control={form.control}
            name="newLineId"
            label={t('audit.findingLine')}
            options={[
              none,
              ...audit.checklist.map((line, index) => ({
                value: line.id,
                text: t('audit.lineNumber', { number: index + 1, question: line.question }),
              })),
            ]}
          />
        </fieldset>
      </ActionDialog>
    </>
  );
}
