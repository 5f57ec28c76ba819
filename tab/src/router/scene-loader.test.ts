import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { sceneLoader } from './scene-loader';

function Greeting(props: { name: string }) {
  return createElement('p', null, `Hej ${props.name}`);
}

const inSuspense = (element: ReturnType<typeof createElement>) =>
  renderToString(createElement(Suspense, { fallback: createElement('span', null, 'Indlæser') }, element));

describe('sceneLoader', () => {
  it('renders a loaded scene in the same pass, without its Suspense fallback', async () => {
    const { preload, Scene } = sceneLoader(() => Promise.resolve(Greeting));
    await preload();
    const html = inSuspense(createElement(Scene, { name: 'Karen' }));
    expect(html).toContain('<p>Hej Karen</p>');
    expect(html).not.toContain('Indlæser');
  });

  it('suspends while the module is on its way, so the boundary shows its fallback', () => {
    const { Scene } = sceneLoader(() => new Promise<typeof Greeting>(() => undefined));
    expect(inSuspense(createElement(Scene, { name: 'Karen' }))).toContain('Indlæser');
  });

  it('loads the module once however often it is asked for', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const { preload } = sceneLoader(load);
    await Promise.all([preload(), preload()]);
    await preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks again after a failed load', async () => {
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(Greeting);
    const { preload, Scene } = sceneLoader(load);
    await expect(preload()).rejects.toThrow('offline');
    await preload();
    expect(load).toHaveBeenCalledTimes(2);
    expect(inSuspense(createElement(Scene, { name: 'Anne' }))).toContain('<p>Hej Anne</p>');
  });
});
