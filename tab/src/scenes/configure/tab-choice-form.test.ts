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
  const select = () => container?.querySelector('select') as HTMLSelectElement;
  // The areas arrive through the query client, after the first render.
  await act(() => vi.waitFor(() => expect(select()).not.toBeNull(), { timeout: 5_000 }));
  return {
    configuration,
    select,
    options: () => [...select().options].map((option) => option.value),
    isValid: () => configuration.setValid.mock.lastCall?.[0],
    save: () => onSave?.() ?? null,
    choose: async (value: string) => {
      await act(async () => {
        select().value = value;
        select().dispatchEvent(new Event('change', { bubbles: true }));
      });
    },
  };
}

describe('TabChoiceForm', () => {
  it('keeps Save off until a choice is made, then saves the handbook filtered by it', async () => {
    const form = await renderForm(async () => areas);
    expect(form.options()).toEqual([
      '',
      'handbook',
      'level:core',
      'area:core:Byggesager',
      'level:support',
      'area:support:IT',
    ]);
    expect(form.isValid()).toBe(false);
    expect(form.save()).toBeNull();
    expect(form.configuration.onSave).toHaveBeenCalledTimes(1);

    await form.choose('area:core:Byggesager');
    expect(form.isValid()).toBe(true);
    expect(form.save()).toEqual({
      contentUrl: `${window.location.origin}/?inTeams=1&level=core&area=Byggesager`,
      websiteUrl: `${window.location.origin}/?level=core&area=Byggesager`,
      entityId: 'kvalitetshaandbog-core-byggesager',
      suggestedDisplayName: 'Byggesager',
    });
    expect(container?.querySelector('[role="status"]')?.textContent).toBe('Foreslået navn på fanen: Byggesager');

    await form.choose('handbook');
    expect(form.save()).toMatchObject({ entityId: 'kvalitetshaandbog-handbook', suggestedDisplayName: 'Håndbog' });
  });

  it('offers only the whole handbook when the areas cannot be loaded', async () => {
    const form = await renderForm(async () => {
      throw new Error('no token');
    });
    expect(form.options()).toEqual(['', 'handbook']);
    expect(container?.textContent).toContain('kan kun vise hele håndbogen');
    await form.choose('handbook');
    expect(form.isValid()).toBe(true);
    expect(form.save()?.contentUrl).toBe(`${window.location.origin}/?inTeams=1`);
  });

  it('starts from the saved choice when the tab is changed', async () => {
    const form = await renderForm(async () => areas, { kind: 'level', level: 'support' });
    expect(form.select().value).toBe('level:support');
    expect(form.isValid()).toBe(true);
    expect(form.save()).toMatchObject({
      suggestedDisplayName: 'Støtteprocesser',
      entityId: 'kvalitetshaandbog-support',
    });
  });
});
