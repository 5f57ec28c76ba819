import { createElement, use, type ComponentType } from 'react';

/**
 * A scene loaded on demand, like `React.lazy`, but rendered in the same commit once its module
 * has arrived. React.lazy always suspends on its first render, even when the chunk was
 * preloaded, and React then holds a Suspense boundary's content back for 300 ms after its
 * fallback appeared; on the first visit that kept the handbook hidden for ~300 ms after its
 * code and data were there (issue 12). While the module is still on its way the scene suspends
 * as a lazy one does, so the nearest Suspense boundary shows its fallback.
 */
export type SceneLoader<Props extends object> = {
  /** Starts loading (at most once; again after a failure); resolves when the scene can render. */
  preload(): Promise<void>;
  Scene: ComponentType<Props>;
};

export function sceneLoader<Props extends object>(load: () => Promise<ComponentType<Props>>): SceneLoader<Props> {
  let loaded: ComponentType<Props> | undefined;
  let pending: Promise<void> | undefined;

  const preload = (): Promise<void> => {
    if (loaded) return Promise.resolve();
    pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        // The next render asks again (a chunk may fail once, e.g. offline for a moment).
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };

  function Scene(props: Props) {
    // Suspends until the module is there, as React.lazy does; a failed load throws its error.
    if (!loaded) use(preload());
    return loaded ? createElement(loaded, props) : null;
  }
  return { preload, Scene };
}
