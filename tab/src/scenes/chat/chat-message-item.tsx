import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useRef } from 'react';
import type { ChatMessage } from '../../api/chat-contract';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
import { ErrorAlert } from '../../shared/error-alert';
import { AdaptiveCardView, type AdaptiveCardViewHandle } from './adaptive-card-view';
import type { CardActor } from './card-invoke';
import type { CardUserAction } from './render-adaptive-card';
import { useChatCard, type CardNotice } from './use-chat-card';
import { useIsOnScreen } from './use-is-on-screen';

const useStyles = makeStyles({
  article: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '4px' },
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalM },
  summary: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  notice: { maxWidth: '36rem' },
});

/** One bot message: its summary as heading, when it was sent, any notice, and the card. */
export function ChatMessageItem(props: {
  message: ChatMessage;
  pollCount: number;
  viewCount: number;
  actor: CardActor;
  onCardUpdated(): void;
}) {
  const { t, formatInstant } = useI18n();
  const navigate = useNavigate();
  const styles = useStyles();
  const headingId = useId();
  const articleRef = useRef<HTMLElement>(null);
  const viewRef = useRef<AdaptiveCardViewHandle>(null);
  const isOnScreen = useIsOnScreen(articleRef);
  const { onCardUpdated } = props;

  const handleCardUpdated = useCallback(
    (options: { byPress: boolean }) => {
      onCardUpdated();
      // The pressed button is gone with the old card: keep keyboard users on this message.
      if (options.byPress) requestAnimationFrame(() => articleRef.current?.focus({ preventScroll: true }));
    },
    [onCardUpdated],
  );

  const state = useChatCard({
    message: props.message,
    pollCount: props.pollCount,
    viewCount: props.viewCount,
    actor: props.actor,
    view: viewRef,
    isOnScreen,
    onCardUpdated: handleCardUpdated,
  });
  const { execute, showNotice } = state;

  const onAction = useCallback(
    (action: CardUserAction) => {
      if (action.kind === 'execute') execute(action.action);
      else if (action.kind === 'submit') showNotice({ kind: 'submit-unsupported' });
      else openUrl(action.url, navigate);
    },
    [execute, showNotice, navigate],
  );

  const { message } = props;
  return (
    <article
      ref={articleRef}
      tabIndex={-1}
      aria-labelledby={headingId}
      aria-busy={state.activity !== 'idle'}
      className={styles.article}
      data-testid="chat-message"
    >
      <div className={styles.header}>
        <h2 id={headingId} className={styles.summary}>
          {message.summary}
        </h2>
        <span className={styles.meta}>
          <time dateTime={message.sentAt}>{t('chat.sentAt', { time: formatInstant(message.sentAt) })}</time>
          {message.updatedAt !== message.sentAt ? (
            <>
              {' · '}
              <time dateTime={message.updatedAt}>
                {t('chat.updatedAt', { time: formatInstant(message.updatedAt) })}
              </time>
            </>
          ) : null}
        </span>
      </div>
      {state.notice ? <NoticeView notice={state.notice} /> : null}
      <AdaptiveCardView ref={viewRef} card={state.card} onAction={onAction} fallbackText={t('chat.cardUnavailable')} />
      {state.activity === 'sending' ? (
        <div role="status">
          <Spinner size="extra-tiny" label={t('chat.sending')} labelPosition="after" />
        </div>
      ) : null}
    </article>
  );
}

function NoticeView(props: { notice: CardNotice }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { notice } = props;
  if (notice.kind === 'request-error') return <ErrorAlert error={notice.error} />;
  const isError = notice.kind === 'bot-error';
  const text =
    notice.kind === 'bot-error'
      ? notice.message
      : notice.kind === 'bot-message'
        ? notice.text
        : t('chat.submitUnsupported');
  return (
    <div role={isError ? 'alert' : 'status'} className={styles.notice}>
      <MessageBar intent={isError ? 'error' : 'info'} layout="multiline">
        <MessageBarBody>
          {isError ? <MessageBarTitle>{t('chat.actionFailed')}</MessageBarTitle> : null}
          {text}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** Links in local cards point into this tab: follow them in-app; anything else opens a new window. */
function openUrl(url: string, navigate: (to: string) => void): void {
  let target: URL;
  try {
    target = new URL(url, window.location.href);
  } catch {
    return;
  }
  if (target.origin === window.location.origin) {
    navigate(target.pathname + target.search + target.hash);
    return;
  }
  if (target.protocol === 'https:' || target.protocol === 'http:' || target.protocol === 'mailto:') {
    window.open(target.href, '_blank', 'noopener,noreferrer');
  }
}
