import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ApiRequestError } from '../../api/api-error';
import type { RoundDto } from '../../api/fokus-api';
import { queryKeyOf, useApiMutation } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { ModalDialog } from '../../shared/modal-dialog';
import { scoreEntryOf, scoreTextsOf } from './fokus-model';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  scores: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 14rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  partial: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', justifyContent: 'flex-end', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type UnitToScore = {
  unit: { id: string; name: string };
  scores: readonly { themeId: string; score: number | null }[];
  note: string;
};

/**
 * Enters one unit's scores in a round (the coordinator): a number on the round's scale per theme,
 * empty where the unit was not rated, which makes it "ikke sammenlignelig" in the round (said
 * before saving). A score off the scale is shown at its field and nothing is sent.
 */
export function UnitScoresDialog(props: {
  round: RoundDto;
  target: UnitToScore | null;
  onClose(): void;
  onSaved(round: RoundDto, unitName: string): void;
}) {
  const { t } = useI18n();
  const { target, round } = props;
  return (
    <ModalDialog
      open={target !== null}
      title={target ? t('fokus.scores.title', { unit: target.unit.name, round: round.name }) : ''}
      onClose={props.onClose}
    >
      {target ? <UnitScoresForm key={`${round.id}:${target.unit.id}`} {...props} target={target} /> : null}
    </ModalDialog>
  );
}

function UnitScoresForm(props: {
  round: RoundDto;
  target: UnitToScore;
  onClose(): void;
  onSaved(round: RoundDto, unitName: string): void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const { round, target } = props;
  const [texts, setTexts] = useState(() => scoreTextsOf(target.scores, locale));
  const [note, setNote] = useState(target.note);
  const [isChecked, setIsChecked] = useState(false);
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const entry = scoreEntryOf(round, texts);
  const save = useApiMutation({
    run: () => api.setUnitScores(round.id, target.unit.id, { scores: entry.scores, note }),
    onSuccess: (saved) => props.onSaved(saved, target.unit.name),
    onError: setError,
    invalidates: () => [queryKeyOf('fokus-get')],
  });
  const badScore = t('fokus.scores.badScore', { min: round.scaleMin, max: round.scaleMax });

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(undefined);
        setIsChecked(true);
        const firstInvalid = entry.invalidThemeIds[0];
        if (firstInvalid !== undefined) return inputs.current.get(firstInvalid)?.focus();
        save.mutate(undefined);
      }}
    >
      <p className={styles.hint}>{t('fokus.scores.hint', { min: round.scaleMin, max: round.scaleMax })}</p>
      <div className={styles.scores}>
        {round.themes.map((theme) => {
          const isInvalid = isChecked && entry.invalidThemeIds.includes(theme.id);
          return (
            <Field
              key={theme.id}
              label={theme.name}
              validationState={isInvalid ? 'error' : 'none'}
              validationMessage={isInvalid ? badScore : undefined}
            >
              <Input
                ref={(element) => {
                  if (element) inputs.current.set(theme.id, element);
                  else inputs.current.delete(theme.id);
                }}
                inputMode="decimal"
                autoComplete="off"
                value={texts[theme.id] ?? ''}
                onChange={(_, data) => setTexts((current) => ({ ...current, [theme.id]: data.value }))}
              />
            </Field>
          );
        })}
      </div>
      <p role="status" className={styles.partial}>
        {entry.isPartial ? t('fokus.scores.partial', { unit: target.unit.name }) : ''}
      </p>
      <Field label={t('fokus.scores.note')}>
        <Textarea value={note} maxLength={2000} resize="vertical" onChange={(_, data) => setNote(data.value)} />
      </Field>
      {error ? <ErrorAlert error={error} /> : null}
      <div className={styles.actions}>
        <Button type="button" onClick={props.onClose} disabled={save.isPending}>
          {t('fokus.round.cancel')}
        </Button>
        <Button type="submit" appearance="primary" disabled={save.isPending}>
          {save.isPending ? t('fokus.round.saving') : t('fokus.scores.save')}
        </Button>
      </div>
    </form>
  );
}
