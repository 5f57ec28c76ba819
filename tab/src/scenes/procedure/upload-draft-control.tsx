import { Button } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useId, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { useVisuallyHiddenStyles } from '../../shared/visually-hidden';

export const acceptedDraftFiles = '.docx,.pdf,.md';

/**
 * A button that opens the file picker; choosing a file uploads it at once as the draft. The native
 * input stays in the page (visually hidden, labelled) so keyboard, screen readers and tests reach it.
 */
export function UploadDraftControl(props: { isBusy: boolean; onFile(file: File): void }) {
  const { t } = useI18n();
  const hidden = useVisuallyHiddenStyles();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <label htmlFor={inputId} className={hidden.hidden}>
        {t('action.uploadLabel')}
      </label>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={acceptedDraftFiles}
        className={hidden.hidden}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) props.onFile(file);
        }}
      />
      <Button icon={<ArrowUploadRegular aria-hidden />} disabled={props.isBusy} onClick={() => input.current?.click()}>
        {props.isBusy ? t('action.uploading') : t('action.upload')}
      </Button>
    </>
  );
}
