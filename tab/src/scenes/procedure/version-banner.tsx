import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { VersionDto } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import type { VersionStanding } from './procedure-versions';
import { useStandingText } from './version-standing-badge';

/**
 * Above the document: which version this is. An obsolete one gets an error banner that names its
 * replacement; a draft a warning; the valid one a success banner. Words carry the meaning.
 */
export function VersionBanner(props: { version: VersionDto; standing: VersionStanding }) {
  const { t, formatInstant } = useI18n();
  const text = useStandingText(props.standing);
  const intent =
    props.standing.kind === 'current' ? 'success' : props.standing.kind === 'obsolete' ? 'error' : 'warning';
  const published = props.version.publishedAt
    ? `${t('version.published')} ${formatInstant(props.version.publishedAt)}`
    : null;
  return (
    <div data-testid="version-banner">
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{text}</MessageBarTitle>
          {props.standing.kind === 'obsolete' && props.version.obsoleteAt
            ? t('version.obsoleteAt', { date: formatInstant(props.version.obsoleteAt) })
            : published}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
