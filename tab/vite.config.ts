import { defineConfig, type Plugin, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Paths whose scene index.html preloads at once, and the scene module each one renders. */
const firstScenes: Record<string, string> = {
  '/handbook': 'src/scenes/handbook/handbook-scene.tsx',
  '/': 'src/scenes/overview/overview-scene.tsx',
};

/**
 * Fills index.html's `/*scene-chunks*\/ {}` with, per path in `firstScenes`, the scene's chunk
 * and the chunks it imports that the entry does not already load, so the inline script can
 * modulepreload them while the entry downloads (issue 12: no chunk waterfall after start-up).
 */
function sceneChunksPlugin(): Plugin {
  return {
    name: 'kvalitetshaandbog-scene-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle || !context.chunk) return html;
        const chunks = new Map(
          Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])),
        );
        const staticClosure = (fileName: string, into = new Set<string>()): Set<string> => {
          if (into.has(fileName)) return into;
          into.add(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) staticClosure(imported, into);
          return into;
        };
        const initial = staticClosure(context.chunk.fileName);
        const byPath: Record<string, string[]> = {};
        for (const [path, module] of Object.entries(firstScenes)) {
          const scene = [...chunks.values()].find((chunk) => chunk.facadeModuleId === `${root}${module}`);
          if (!scene) throw new Error(`No chunk for the first scene ${module}`);
          byPath[path] = [...staticClosure(scene.fileName)]
            .filter((file) => !initial.has(file))
            .map((file) => `/${file}`);
        }
        const placeholder = '/*scene-chunks*/ {}';
        if (!html.includes(placeholder)) throw new Error(`index.html lacks ${placeholder}`);
        return html.replace(placeholder, JSON.stringify(byPath));
      },
    },
  };
}

/**
 * Fewer, larger chunks (issue 12). The local host speaks HTTP/1.1, so a browser fetches at most
 * six files from it at a time; the bundler's own splitting made 11 files of the initial JavaScript
 * and 17 of the handbook's, which queued behind each other and behind the first API requests.
 * - `initial`: everything the entry imports statically, in the entry's chunk.
 * - `scene-runtime`: the libraries nearly every scene needs and the shell does not (focus
 *   management, motion, portals, TanStack Query and the tab's query client), in one chunk.
 * - `icons`: the icons more than one scene uses.
 * Everything else keeps the bundler's splitting, so a scene still loads only its own code and
 * the large single-purpose libraries (date picker, people picker, Adaptive Cards) stay with the
 * scenes that use them.
 */
const chunkGroups: Rolldown.CodeSplittingGroup[] = [
  { name: 'initial', tags: ['$initial'], priority: 3 },
  {
    name: 'scene-runtime',
    test: /node_modules[\\/](tabster|keyborg|@tanstack|@fluentui[\\/]react-(tabster|motion|motion-components-preview|portal|context-selector|utilities|shared-contexts))[\\/]|tab[\\/]src[\\/]api[\\/]query-client\.ts$/,
    minShareCount: 2,
    priority: 2,
  },
  { name: 'icons', test: /node_modules[\\/]@fluentui[\\/]react-icons[\\/]/, minShareCount: 2, priority: 1 },
];

// The tab is served by the local host (and in production by static hosting) from tab/dist.
export default defineConfig({
  root,
  plugins: [react(), sceneChunksPlugin()],
  resolve: {
    alias: {
      // React 18+ has useSyncExternalStore: wouter's shim for older Reacts is not needed.
      'use-sync-external-store/shim/index.js': `${root}src/router/use-sync-external-store.ts`,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: { output: { codeSplitting: { groups: chunkGroups } } },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3978' },
  },
});
