import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../router/routes';
import { parseHandbookQuery } from '../handbook/handbook-query';
import {
  choiceFromUrl,
  choiceKey,
  entityIdFor,
  tabChoices,
  tabInstanceFor,
  wholeHandbook,
  type TabChoice,
} from './tab-choice';

const origin = 'https://kh.example.dk';
const byggesager: TabChoice = { kind: 'area', level: 'core', area: 'Byggesager og miljø' };

describe('tab choices', () => {
  it('offers each level with its areas, in handbook order, once each', () => {
    const groups = tabChoices([
      { level: 'support', area: 'IT', count: 2 },
      { level: 'core', area: 'Ældre', count: 1 },
      { level: 'core', area: 'Byggesager og miljø', count: 3 },
      { level: 'core', area: 'Ældre', count: 1 },
    ]);
    expect(groups.map((group) => group.level)).toEqual(['core', 'support']);
    expect(groups[0]?.choices.map(choiceKey)).toEqual([
      'level:core',
      'area:core:Byggesager og miljø',
      'area:core:Ældre',
    ]);
    expect(tabChoices([])).toEqual([]);
  });

  it('saves the whole handbook as the plain handbook address', () => {
    expect(tabInstanceFor(wholeHandbook, origin, 'Håndbog')).toEqual({
      contentUrl: 'https://kh.example.dk/?inTeams=1',
      websiteUrl: 'https://kh.example.dk/',
      entityId: 'kvalitetshaandbog-handbook',
      suggestedDisplayName: 'Håndbog',
    });
  });

  it('saves an area as the handbook filtered by its level and area', () => {
    const instance = tabInstanceFor(byggesager, origin, 'Byggesager og miljø');
    expect(instance.entityId).toBe('kvalitetshaandbog-core-byggesager-og-miljoe');
    expect(instance.websiteUrl).toBe('https://kh.example.dk/?level=core&area=Byggesager+og+milj%C3%B8');
    expect(instance.contentUrl).toBe('https://kh.example.dk/?inTeams=1&level=core&area=Byggesager+og+milj%C3%B8');
  });

  it('gives addresses the handbook scene opens with the chosen filters', () => {
    for (const choice of [byggesager, { kind: 'level', level: 'support' } as const]) {
      const url = new URL(tabInstanceFor(choice, origin, 'x').contentUrl);
      const route = matchRoute(url.pathname, url.search);
      if (route.name !== 'handbook') throw new Error(`Expected the handbook, got ${route.name}`);
      const filters = parseHandbookQuery(route.query);
      expect(filters.level).toBe(choice.level);
      expect(filters.area).toBe(choice.kind === 'area' ? choice.area : null);
    }
  });

  it('reads the choice back from a saved tab, so changing the tab starts from it', () => {
    for (const choice of [wholeHandbook, byggesager, { kind: 'level', level: 'management' } as const]) {
      expect(choiceFromUrl(tabInstanceFor(choice, origin, 'x').contentUrl)).toEqual(choice);
    }
    expect(choiceFromUrl('https://kh.example.dk/?inTeams=1&area=Orphan')).toBeNull();
    expect(choiceFromUrl('not a url')).toBeNull();
  });

  it('keeps entity ids short and plain', () => {
    const long = entityIdFor({ kind: 'area', level: 'support', area: `Økonomi, ${'løn og personale '.repeat(5)}` });
    expect(long).toMatch(/^kvalitetshaandbog-support-[a-z0-9-]+[a-z0-9]$/);
    expect(long.length).toBeLessThanOrEqual(64);
    expect(entityIdFor({ kind: 'area', level: 'core', area: '§§' })).toBe('kvalitetshaandbog-core-area');
  });
});
