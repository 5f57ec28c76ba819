import { Badge, Button, Checkbox, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { QualityPolicyViewDto, SaveQualityPolicyBody } from '../../api/goals-api';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { DateField } from '../../shared/date-field';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageSection } from '../../shared/page-section';
import { saveQualityPolicyBody } from '../../../../functions/src/contract/goal-schemas';

const useStyles = makeStyles({
  text: { whiteSpace: 'pre-wrap', maxWidth: '48rem', margin: `0 0 ${tokens.spacingVerticalS}` },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, margin: 0 },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 14rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  wide: { gridColumn: '1 / -1' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, gridColumn: '1 / -1' },
});

const languages = ['da', 'nb', 'en'] as const;

/** The policy in the reader's language, else in the first language it is written in. */
export function policyTextFor(text: Partial<Record<(typeof languages)[number], string>>, locale: string): string {
  const own = text[locale as (typeof languages)[number]];
  if (own?.trim()) return own;
  return languages.map((language) => text[language]).find((value) => value?.trim()) ?? '';
}

/** The quality policy (ISO 9001 5.2): its text, who adopted it and when, whether it is published. */
export function PolicySection(props: { onSaved(): void }) {
  const { t, formatDate, locale } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const view = useApiQuery(queryKeyOf('quality-policy-get'), (signal) => api.getQualityPolicy(signal));
  const [isEditing, setIsEditing] = useState(false);
  const policy = view.data?.policy ?? null;
  return (
    <PageSection id="quality-policy" heading={t('policy.heading')}>
      {view.error ? <ErrorAlert error={view.error} onRetry={view.reload} /> : null}
      {!view.data && view.isLoading ? <Loading label={t('app.loading')} /> : null}
      {view.data && !isEditing ? (
        policy ? (
          <>
            <p className={styles.text}>{policyTextFor(policy.text, locale)}</p>
            <p className={styles.meta}>
              <span>
                {policy.adoptedBy && policy.adoptedOn
                  ? t('policy.adopted', { by: policy.adoptedBy, on: formatDate(policy.adoptedOn) })
                  : t('policy.notAdopted')}
              </span>
              <Badge appearance="tint" shape="rounded" color={policy.isPublished ? 'success' : 'subtle'}>
                {policy.isPublished && policy.publishedOn
                  ? t('policy.publishedOn', { on: formatDate(policy.publishedOn) })
                  : t('policy.unpublished')}
              </Badge>
            </p>
          </>
        ) : (
          <p>{t('policy.none')}</p>
        )
      ) : null}
      {view.data?.abilities.edit && !isEditing ? (
        <p>
          <Button onClick={() => setIsEditing(true)}>{policy ? t('policy.edit') : t('policy.create')}</Button>
        </p>
      ) : null}
      {view.data && isEditing ? (
        <PolicyForm
          view={view.data}
          onSaved={(saved) => {
            view.setData(saved);
            setIsEditing(false);
            props.onSaved();
          }}
          onCancel={() => setIsEditing(false)}
        />
      ) : null}
    </PageSection>
  );
}

function PolicyForm(props: {
  view: QualityPolicyViewDto;
  onSaved(saved: QualityPolicyViewDto): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const policy = props.view.policy;
  const { control, handleSubmit, formState } = useForm<SaveQualityPolicyBody>({
    resolver: zodResolver(saveQualityPolicyBody),
    defaultValues: {
      text: { da: policy?.text.da ?? '', nb: policy?.text.nb ?? '', en: policy?.text.en ?? '' },
      adoptedBy: policy?.adoptedBy ?? '',
      adoptedOn: policy?.adoptedOn ?? null,
      isPublished: policy?.isPublished ?? false,
    },
  });
  const saving = useApiMutation({
    run: (body: SaveQualityPolicyBody) => api.saveQualityPolicy(policy?.etag ?? 0, body),
    onSuccess: props.onSaved,
    invalidates: () => [queryKeyOf('quality-policy-get')],
  });
  const textError = formState.errors.text ? t('goals.form.invalid') : undefined;
  return (
    <form
      className={styles.form}
      aria-label={t('policy.formLabel')}
      noValidate
      onSubmit={(event) => void handleSubmit((body) => saving.mutate(body))(event)}
    >
      {languages.map((language) => (
        <Controller
          key={language}
          control={control}
          name={`text.${language}`}
          render={({ field }) => (
            <Field
              className={styles.wide}
              label={t(`policy.text.${language}`)}
              validationMessage={language === 'da' ? textError : undefined}
            >
              <Textarea
                value={field.value ?? ''}
                rows={5}
                maxLength={20_000}
                onChange={(_, data) => field.onChange(data.value)}
              />
            </Field>
          )}
        />
      ))}
      <Controller
        control={control}
        name="adoptedBy"
        render={({ field }) => (
          <Field label={t('policy.adoptedBy')} hint={t('policy.adoptedByHint')}>
            <Input value={field.value} maxLength={200} onChange={(_, data) => field.onChange(data.value)} />
          </Field>
        )}
      />
      <Controller
        control={control}
        name="adoptedOn"
        render={({ field }) => (
          <Field label={t('policy.adoptedOn')}>
            <DateField value={field.value ?? ''} onChange={(value) => field.onChange(value === '' ? null : value)} />
          </Field>
        )}
      />
      <Controller
        control={control}
        name="isPublished"
        render={({ field }) => (
          <Checkbox
            className={styles.wide}
            checked={field.value}
            label={t('policy.isPublished')}
            onChange={(_, data) => field.onChange(data.checked === true)}
          />
        )}
      />
      {saving.error ? (
        <div className={styles.wide}>
          <ErrorAlert error={saving.error} />
        </div>
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={saving.isPending}>
          {saving.isPending ? t('goals.form.saving') : t('goals.form.save')}
        </Button>
        <Button type="button" onClick={props.onCancel}>
          {t('goals.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
