import type { QueryKey } from '@tanstack/react-query';
import { Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { PersonDto, SubmitBody } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { PersonSelect } from '../../shared/person-select';
import { ActionDialog } from './action-dialog';

export function SubmitDialog(props: {
  open: boolean;
  /** Only those the server names eligible (`approverCandidates`): the tab does not re-derive authority. */
  people: readonly PersonDto[];
  defaultApproverId: string;
  onSubmit(body: SubmitBody): Promise<void>;
  onClose(): void;
  /** The reads the write changes (see ActionDialog). */
  invalidates: QueryKey[];
}) {
  const { t } = useI18n();
  const [changeSummary, setChangeSummary] = useState('');
  const [approverId, setApproverId] = useState(props.defaultApproverId);
  const [kind, setKind] = useState<'major' | 'minor'>('major');
  const [showErrors, setShowErrors] = useState(false);
  const summaryMissing = changeSummary.trim() === '';

  return (
    <ActionDialog
      open={props.open}
      title={t('submit.title')}
      confirmLabel={t('submit.confirm')}
      validate={() => {
        setShowErrors(true);
        return !summaryMissing && approverId !== '';
      }}
      onSubmit={() => props.onSubmit({ changeSummary: changeSummary.trim(), approverId, kind })}
      onClose={() => {
        setShowErrors(false);
        props.onClose();
      }}
      invalidates={props.invalidates}
    >
      <Field
        label={t('submit.changeSummary')}
        required
        validationState={showErrors && summaryMissing ? 'error' : 'none'}
        validationMessage={showErrors && summaryMissing ? t('form.required') : undefined}
      >
        <Textarea
          value={changeSummary}
          onChange={(_, data) => setChangeSummary(data.value)}
          rows={4}
          resize="vertical"
          maxLength={2000}
        />
      </Field>
      <PersonSelect
        label={t('submit.approver')}
        required
        people={props.people}
        value={approverId}
        onChange={setApproverId}
        hint={t('submit.approverHint')}
        validationMessage={showErrors && !approverId ? t('form.required') : undefined}
      />
      <Field label={t('submit.kind')}>
        <RadioGroup value={kind} onChange={(_, data) => setKind(data.value === 'minor' ? 'minor' : 'major')}>
          <Radio value="major" label={t('submit.kindMajor')} />
          <Radio value="minor" label={t('submit.kindMinor')} />
        </RadioGroup>
      </Field>
    </ActionDialog>
  );
}
