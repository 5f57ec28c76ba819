import type { pages } from '@microsoft/teams-js';

/** What a channel or group-chat tab is saved as (teams-js `pages.InstanceConfig`, all fields set). */
export type TabInstance = {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
};

/**
 * The configuration page's side of Teams: the tab's saved settings (when the tab is being
 * changed), the Save button's state and what Save stores.
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/create-tab-pages/configuration-page
 */
export type TabConfiguration = {
  /** The settings Teams has saved for this tab; null for a new tab or when Teams does not say. */
  saved(): Promise<{ contentUrl: string } | null>;
  /** Enables (or disables) Teams' Save button. */
  setValid(isValid: boolean): void;
  /** Registers what Save stores; `instance` is asked when the user selects Save. */
  onSave(instance: () => TabInstance | null): void;
};

/** The part of teams-js `pages` this module uses. */
export type TeamsPages = {
  getConfig: typeof pages.getConfig;
  config: Pick<typeof pages.config, 'isSupported' | 'setValidityState' | 'registerOnSaveHandler' | 'setConfig'>;
};

export function createTabConfiguration(teamsPages: TeamsPages): TabConfiguration {
  return {
    saved: async () => {
      try {
        const config = await teamsPages.getConfig();
        return config.contentUrl ? { contentUrl: config.contentUrl } : null;
      } catch {
        return null;
      }
    },
    setValid: (isValid) => teamsPages.config.setValidityState(isValid),
    onSave: (instance) =>
      teamsPages.config.registerOnSaveHandler((saveEvent) => {
        const config = instance();
        if (!config) {
          saveEvent.notifyFailure('Choose what the tab shows first.');
          return;
        }
        teamsPages.config
          .setConfig(config)
          .then(() => saveEvent.notifySuccess())
          .catch((error: unknown) => saveEvent.notifyFailure(String(error)));
      }),
  };
}

/**
 * Null when this Teams client cannot configure tabs. Call only after `connectToTeams` has
 * initialised teams-js: this reuses the SDK that call loaded, so it costs no extra download.
 */
export async function connectTabConfiguration(): Promise<TabConfiguration | null> {
  try {
    const { pages } = await import('@microsoft/teams-js');
    return pages.config.isSupported() ? createTabConfiguration(pages) : null;
  } catch (error) {
    console.warn('Teams cannot configure this tab.', error);
    return null;
  }
}
