// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/api';
import type { AreaSummary } from '../../api/contract';
import { clearQueryCache } from '../../api/query-client';
import { ApiProvider } from '../../app/api-context';
import { tabTextInstance } from '../../i18n/danish-texts';
import { I18nProvider } from '../../i18n/i18n-context';
import type { TabConfiguration, TabInstance } from '../../teams/tab-configuration';
import type { TabChoice } from './tab-choice';
import { TabChoiceForm } from './tab-choice-form';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const areas: AreaSummary = {
  areas: [
    { level: 'core', area: 'Byggesager', count: 4 },
    { level: 'support', area: 'IT', count: 1 },
  ],
};

let root: Root | undefined;
let container: HTMLElement | undefined;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  // Reads are cached by the tab's one query client: each test starts from an empty cache.
  clearQueryCache();
});

async function renderForm(listAreas: () => Promise<AreaSummary>, saved: TabChoice | null = null) {
  let onSave: (() => TabInstance | null) | undefined;
  const configuration = {
    saved: async () => null,
    setValid: vi.fn(),
    onSave: vi.fn((instance: () => TabInstance | null) => void (onSave = instance)),
  } satisfies TabConfiguration;
  const api = { listAreas: vi.fn(listAreas) } as unknown as Api;
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  await act(async () => {
    root?.render(
      createElement(I18nProvider, {
        initialLocale: 'da',
        instance: tabTextInstance('da'),
        children: createElement(ApiProvider, { api, children: createElement(TabChoiceForm, { configuration, saved }) }),
      }),
    );
  });
  const combobox = () => container?.querySelector('[role="combobox"]') as HTMLElement | null;
  // The areas arrive through the query client, after the first render.
  await act(() => vi.waitFor(() => expect(combobox()).not.toBeNull(), { timeout: 5_000 }));
  const optionElements = async () => {
    // Fluent renders the listbox (in a portal) while the dropdown is open.
    if (!document.querySelector('[role="listbox"]')) await act(async () => combobox()?.click());
    return [...document.querySelectorAll<HTMLElement>('[role="option"]')];
  };
  return {
    configuration,
    /** What the closed dropdown shows (the current choice, or the placeholder). */
    shown: () => combobox()?.textContent ?? '',
    options: async () => (await optionElements()).map((option) => option.textContent),
    isValid: () => configuration.setValid.mock.lastCall?.[0],
    save: () => onSave?.() ?? null,
    choose: async (text: string) => {
      const option = (await optionElements()).find((element) => element.textContent === text);
      if (!option) throw new Error(`No option ${text}`);
      await act(async () => option.click());
    },
  };
}

describe('TabChoiceForm', () => {
  it('keeps Save off until a choice is made, then saves the handbook filtered by it', async () => {
    const form = await renderForm(async () => areas);
    expect(form.shown()).toBe('Vælg …');
    expect(await form.options()).toEqual([
      'Hele håndbogen',
      'Kerneprocesser – hele niveauet',
      'Byggesager',
      'Støtteprocesser – hele niveauet',
      'IT',
    ]);
    expect(form.isValid()).toBe(false);
    expect(form.save()).toBeNull();
    expect(form.configuration.onSave).toHaveBeenCalledTimes(1);

    await form.choose('Byggesager');
    expect(form.isValid()).toBe(true);
    expect(form.save()).toEqual({
      contentUrl: `${window.location.origin}/?inTeams=1&level=core&area=Byggesager`,
      websiteUrl: `${window.location.origin}/?level=core&area=Byggesager`,
      entityId: 'kvalitetshaandbog-core-byggesager',
      suggestedDisplayName: 'Byggesager',
    });
    expect(container?.querySelector('[role="status"]')?.textContent).toBe('Foreslået navn på fanen: Byggesager');

    await form.choose('Hele håndbogen');
    expect(form.save()).toMatchObject({ entityId: 'kvalitetshaandbog-handbook', suggestedDisplayName: 'Håndbog' });
  });

  it('offers only the whole handbook when the areas cannot be loaded', async () => {
    const form = await renderForm(async () => {
      throw new Error('no token');
    });
    expect(await form.options()).toEqual(['Hele håndbogen']);
    expect(container?.textContent).toContain('kan kun vise hele håndbogen');
    await form.choose('Hele håndbogen');
    expect(form.isValid()).toBe(true);
    expect(form.save()?.contentUrl).toBe(`${window.location.origin}/?inTeams=1`);
  });

  it('starts from the saved choice when the tab is changed', async () => {
    const form = await renderForm(async () => areas, { kind: 'level', level: 'support' });
    expect(form.shown()).toBe('Støtteprocesser – hele niveauet');
    expect(form.isValid()).toBe(true);
    expect(form.save()).toMatchObject({
      suggestedDisplayName: 'Støtteprocesser',
      entityId: 'kvalitetshaandbog-support',
    });
  });
});
