import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import type { CardJson, ChatMessage } from '../../api/chat-contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import type { AdaptiveCardViewHandle } from './adaptive-card-view';
import {
  buildCardActionActivity,
  readCardActionResponse,
  refreshActionFor,
  type CardActionOutcome,
  type CardActor,
  type ExecuteRequest,
} from './card-invoke';

/** Shown above the card: the bot's error or message, or a request that failed outright. */
export type CardNotice =
  | { kind: 'bot-error'; message: string }
  | { kind: 'bot-message'; text: string }
  | { kind: 'request-error'; error: ApiRequestError }
  | { kind: 'submit-unsupported' };

export type ChatCardState = {
  card: CardJson;
  notice: CardNotice | null;
  /** 'sending' after a press, 'refreshing' while Teams-style automatic refresh runs. */
  activity: 'idle' | 'sending' | 'refreshing';
  execute(action: ExecuteRequest): void;
  showNotice(notice: CardNotice | null): void;
};

type Outcome = CardActionOutcome | { kind: 'request-error'; error: ApiRequestError };

/**
 * One message's card as the person sees it. Like Teams: a card with `refresh` for this person
 * is replaced by the bot's answer to an automatic refresh when it comes on screen, and again
 * whenever the server's copy changes; a button press replaces it with the card the bot returns. A server
 * update waits while the person is using the card (focus or typed input) and is retried at the
 * next poll.
 */
export function useChatCard(input: {
  message: ChatMessage;
  pollCount: number;
  /** Counts the person's returns to the pane (window focus, tab shown again). */
  viewCount: number;
  actor: CardActor;
  view: RefObject<AdaptiveCardViewHandle | null>;
  /** Refreshes wait until the card is on screen, as in Teams. */
  isOnScreen: boolean;
  onCardUpdated(options: { byPress: boolean }): void;
}): ChatCardState {
  const { message, pollCount, viewCount, actor, view, isOnScreen } = input;
  const api = useApi();
  const { locale } = useI18n();
  const [card, setCard] = useState<CardJson>(message.card);
  const [notice, setNotice] = useState<CardNotice | null>(null);
  const [activity, setActivity] = useState<ChatCardState['activity']>('idle');
  const cardTextRef = useRef(JSON.stringify(message.card));
  /** The server copy and the view the shown card reflects; null until first shown. */
  const syncedRef = useRef<{ updatedAt: string; viewCount: number } | null>(null);
  const busyRef = useRef(false);
  const controllerRef = useRef<AbortController | null>(null);
  const onCardUpdatedRef = useRef(input.onCardUpdated);

  useEffect(() => {
    onCardUpdatedRef.current = input.onCardUpdated;
  }, [input.onCardUpdated]);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const showCard = useCallback((next: CardJson, announce: { byPress: boolean } | null) => {
    const text = JSON.stringify(next);
    if (text === cardTextRef.current) return;
    cardTextRef.current = text;
    setCard(next);
    if (announce) onCardUpdatedRef.current(announce);
  }, []);

  const invoke = useCallback(
    async (action: ExecuteRequest, trigger: 'manual' | 'automatic'): Promise<Outcome | null> => {
      busyRef.current = true;
      setActivity(trigger === 'manual' ? 'sending' : 'refreshing');
      const controller = new AbortController();
      controllerRef.current = controller;
      const activity = buildCardActionActivity({
        actor,
        messageId: message.id,
        action,
        trigger,
        locale,
        origin: window.location.origin,
        now: new Date(),
        activityId: crypto.randomUUID(),
      });
      try {
        return readCardActionResponse(await api.sendCardAction(activity, controller.signal));
      } catch (error) {
        if (controller.signal.aborted) return null;
        return { kind: 'request-error', error: asApiRequestError(error) };
      } finally {
        if (!controller.signal.aborted) {
          busyRef.current = false;
          setActivity('idle');
        }
      }
    },
    [actor, api, locale, message.id],
  );

  const apply = useCallback(
    (outcome: Outcome | null, announce: { byPress: boolean } | null) => {
      if (!outcome) return;
      if (outcome.kind === 'card') {
        setNotice(null);
        showCard(outcome.card, announce);
      } else if (outcome.kind === 'message') setNotice({ kind: 'bot-message', text: outcome.text });
      else if (outcome.kind === 'error') setNotice({ kind: 'bot-error', message: outcome.message });
      else setNotice(outcome);
    },
    [showCard],
  );

  // Bring the card up to date: on first show, after each change of the server's copy, and (for a
  // card with refresh) each time the person comes back to the pane, as Teams refreshes on view.
  useEffect(() => {
    if (busyRef.current || !isOnScreen) return;
    const synced = syncedRef.current;
    const refresh = refreshActionFor(message.card, actor.personId);
    const isStale =
      !synced || synced.updatedAt !== message.updatedAt || (refresh !== null && synced.viewCount !== viewCount);
    if (!isStale) return;
    const isFirstShow = synced === null;
    if (!isFirstShow && view.current?.isEngaged()) return;
    syncedRef.current = { updatedAt: message.updatedAt, viewCount };
    const announce = isFirstShow ? null : { byPress: false };
    if (!refresh) {
      showCard(message.card, announce);
      return;
    }
    void invoke(refresh, 'automatic').then((outcome) => apply(outcome, announce));
  }, [
    message.updatedAt,
    message.card,
    pollCount,
    viewCount,
    isOnScreen,
    actor.personId,
    view,
    invoke,
    apply,
    showCard,
  ]);

  const execute = useCallback(
    (action: ExecuteRequest) => {
      // A second press while the first is on its way is ignored, as Teams does.
      if (busyRef.current) return;
      setNotice(null);
      void invoke(action, 'manual').then((outcome) => apply(outcome, { byPress: true }));
    },
    [invoke, apply],
  );

  return { card, notice, activity, execute, showNotice: setNotice };
}
