import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { useVisuallyHiddenStyles } from '../../shared/visually-hidden';
import type { CardActor } from './card-invoke';
import { ChatMessageItem } from './chat-message-item';
import { useChatMessages } from './use-chat-messages';

const useStyles = makeStyles({
  intro: { margin: `0 0 ${tokens.spacingVerticalL}`, color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXL,
  },
  empty: { color: tokens.colorNeutralForeground2 },
});

/**
 * "Chat": the local stand-in for the bot's personal chat in Teams. In Teams the real chat has
 * these messages, so the pane only says where to look.
 */
export function ChatScene(props: { session: Session }) {
  const { t } = useI18n();
  const { me } = props.session;
  if (me.mode !== 'local') {
    return (
      <>
        <PageHeading documentTitle={t('chat.title')}>{t('chat.title')}</PageHeading>
        <p>{t('chat.inTeams')}</p>
      </>
    );
  }
  return <LocalChat actor={{ personId: me.person.id, name: me.person.name }} />;
}

function LocalChat(props: { actor: CardActor }) {
  const { t } = useI18n();
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const chat = useChatMessages();
  const [announcements, setAnnouncements] = useState(0);
  const { personId, name } = props.actor;
  const actor = useMemo<CardActor>(() => ({ personId, name }), [personId, name]);

  const onCardUpdated = useCallback(() => setAnnouncements((count) => count + 1), []);
  // A trailing no-break space on every other announcement makes screen readers repeat it.
  const announcement = announcements === 0 ? '' : `${t('chat.cardUpdated')}${announcements % 2 ? '' : '\u00a0'}`;

  return (
    <>
      <PageHeading documentTitle={t('chat.title')}>{t('chat.title')}</PageHeading>
      <p className={styles.intro}>{t('chat.intro', { name })}</p>
      <div role="status" aria-live="polite" className={hidden.hidden} data-testid="chat-announcer">
        {announcement}
      </div>
      {chat.error ? <ErrorAlert error={chat.error} onRetry={chat.reload} /> : null}
      {chat.messages === undefined ? (
        chat.error ? null : (
          <Loading label={t('app.loading')} />
        )
      ) : chat.messages.length === 0 ? (
        <p className={styles.empty}>{t('chat.empty')}</p>
      ) : (
        <ol role="list" className={styles.list} aria-label={t('chat.messages')}>
          {chat.messages.map((message) => (
            <li key={message.id}>
              <ChatMessageItem
                message={message}
                pollCount={chat.pollCount}
                viewCount={chat.viewCount}
                actor={actor}
                onCardUpdated={onCardUpdated}
              />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
