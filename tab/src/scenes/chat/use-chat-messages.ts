import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import type { ChatMessage } from '../../api/chat-contract';
import { useApi } from '../../app/api-context';

export const chatPollIntervalMs = 5_000;

export type ChatMessagesState = {
  messages: ChatMessage[] | undefined;
  error: ApiRequestError | undefined;
  /** Counts answered polls, so cards that put off an update can try again. */
  pollCount: number;
  /** Counts returns to the pane (window focus, page shown again): cards with refresh refresh then. */
  viewCount: number;
  reload(): void;
};

/**
 * The person's bot messages, polled every 5 s while the pane is open and the page visible, and
 * again whenever the window gets focus. One request at a time; the list stays while a poll fails.
 */
export function useChatMessages(): ChatMessagesState {
  const api = useApi();
  const [messages, setMessages] = useState<ChatMessage[] | undefined>(undefined);
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const [pollCount, setPollCount] = useState(0);
  const [viewCount, setViewCount] = useState(0);
  const controllerRef = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    if (controllerRef.current) return;
    const controller = new AbortController();
    controllerRef.current = controller;
    try {
      const result = await api.getChatMessages(controller.signal);
      setMessages(result.messages);
      setError(undefined);
      setPollCount((count) => count + 1);
    } catch (failure) {
      if (controller.signal.aborted) return;
      setError(asApiRequestError(failure));
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
    }
  }, [api]);

  useEffect(() => {
    void load();
    const pollIfVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    const onReturn = () => {
      if (document.visibilityState !== 'visible') return;
      setViewCount((count) => count + 1);
      void load();
    };
    const timer = window.setInterval(pollIfVisible, chatPollIntervalMs);
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
      controllerRef.current?.abort();
      controllerRef.current = null;
    };
  }, [load]);

  const reload = useCallback(() => void load(), [load]);
  return { messages, error, pollCount, viewCount, reload };
}
