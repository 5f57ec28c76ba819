import { useEffect, useState } from 'react';
import { connectTabConfiguration, type TabConfiguration } from '../../teams/tab-configuration';
import { choiceFromUrl, type TabChoice } from './tab-choice';

export type TabConfigurationState =
  | { status: 'connecting' }
  | { status: 'unsupported' }
  /** `saved` is what the tab shows now when it is being changed; null for a new tab. */
  | { status: 'ready'; configuration: TabConfiguration; saved: TabChoice | null };

/** Teams' configuration API and the tab's saved choice. Teams must already be connected. */
export function useTabConfiguration(): TabConfigurationState {
  const [state, setState] = useState<TabConfigurationState>({ status: 'connecting' });
  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      const configuration = await connectTabConfiguration();
      if (!configuration) {
        if (isCurrent) setState({ status: 'unsupported' });
        return;
      }
      const saved = await configuration.saved();
      if (isCurrent)
        setState({ status: 'ready', configuration, saved: saved ? choiceFromUrl(saved.contentUrl) : null });
    })();
    return () => {
      isCurrent = false;
    };
  }, []);
  return state;
}
