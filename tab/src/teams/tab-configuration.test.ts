import { describe, expect, it, vi } from 'vitest';
import { createTabConfiguration, type TabInstance, type TeamsPages } from './tab-configuration';

type SaveHandler = Parameters<TeamsPages['config']['registerOnSaveHandler']>[0];

const instance: TabInstance = {
  contentUrl: 'https://kh.example.dk/?inTeams=1&level=core',
  websiteUrl: 'https://kh.example.dk/?level=core',
  entityId: 'kvalitetshaandbog-core',
  suggestedDisplayName: 'Kerneprocesser',
};

function fakePages(options: { setConfig?: () => Promise<void>; getConfig?: () => Promise<{ contentUrl: string }> }) {
  let saveHandler: SaveHandler | undefined;
  const teamsPages = {
    getConfig: vi.fn(options.getConfig ?? (async () => ({ contentUrl: '' }))),
    config: {
      isSupported: () => true,
      setValidityState: vi.fn(),
      registerOnSaveHandler: vi.fn((handler: SaveHandler) => void (saveHandler = handler)),
      setConfig: vi.fn(options.setConfig ?? (async () => undefined)),
    },
  };
  const save = async () => {
    const saveEvent = { result: {}, notifySuccess: vi.fn(), notifyFailure: vi.fn() };
    saveHandler?.(saveEvent);
    await vi.waitFor(() => {
      expect(saveEvent.notifySuccess.mock.calls.length + saveEvent.notifyFailure.mock.calls.length).toBe(1);
    });
    return saveEvent;
  };
  return { teamsPages: teamsPages as unknown as TeamsPages & typeof teamsPages, save };
}

describe('createTabConfiguration', () => {
  it('stores the choice made when Save is selected and tells Teams it worked', async () => {
    const { teamsPages, save } = fakePages({});
    let current: TabInstance | null = null;
    createTabConfiguration(teamsPages).onSave(() => current);
    current = instance;
    const saveEvent = await save();
    expect(teamsPages.config.setConfig).toHaveBeenCalledWith(instance);
    expect(saveEvent.notifySuccess).toHaveBeenCalledTimes(1);
  });

  it("passes Teams' reason on when saving fails", async () => {
    const { teamsPages, save } = fakePages({
      setConfig: async () => {
        throw new Error('Not allowed');
      },
    });
    createTabConfiguration(teamsPages).onSave(() => instance);
    const saveEvent = await save();
    expect(saveEvent.notifyFailure).toHaveBeenCalledWith('Error: Not allowed');
  });

  it('refuses to save before a choice is made', async () => {
    const { teamsPages, save } = fakePages({});
    createTabConfiguration(teamsPages).onSave(() => null);
    const saveEvent = await save();
    expect(saveEvent.notifyFailure).toHaveBeenCalledTimes(1);
    expect(teamsPages.config.setConfig).not.toHaveBeenCalled();
  });

  it('switches Save on and off', () => {
    const { teamsPages } = fakePages({});
    const configuration = createTabConfiguration(teamsPages);
    configuration.setValid(true);
    configuration.setValid(false);
    expect(teamsPages.config.setValidityState.mock.calls).toEqual([[true], [false]]);
  });

  it('reads the saved settings of a tab being changed, and nothing for a new tab', async () => {
    expect(await createTabConfiguration(fakePages({ getConfig: async () => instance }).teamsPages).saved()).toEqual({
      contentUrl: instance.contentUrl,
    });
    expect(await createTabConfiguration(fakePages({}).teamsPages).saved()).toBeNull();
    const failing = fakePages({
      getConfig: async () => {
        throw new Error('not in settings');
      },
    });
    expect(await createTabConfiguration(failing.teamsPages).saved()).toBeNull();
  });
});
