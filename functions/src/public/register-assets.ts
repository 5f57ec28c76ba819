import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The public register form's scripts and styles, served by the product itself (no CDN): the
 * ALTCHA widget's CSP-friendly build (`altcha/external`: no inline styles, no blob workers), its
 * proof-of-work workers as plain files, its Danish and Norwegian texts, and our few lines that
 * register the workers. Read from the installed package on first use and kept in memory.
 */

export type RegisterAsset = { body: Uint8Array; contentType: string };

/** `/register/assets/{name}`: the only files served there. */
export const registerAssetPath = /^\/register\/assets\/([a-z0-9.-]{1,64})$/;

/**
 * Registers the workers for the algorithms a challenge may name. The external build bundles
 * none, so that no worker is made from a blob: URL (the page's CSP allows workers from 'self').
 */
const setupScript = `const worker = (file) => () => new Worker('/register/assets/' + file);
for (const algorithm of ['PBKDF2/SHA-256', 'PBKDF2/SHA-384', 'PBKDF2/SHA-512'])
  globalThis.$altcha.algorithms.set(algorithm, worker('altcha-pbkdf2.js'));
for (const algorithm of ['SHA-256', 'SHA-384', 'SHA-512'])
  globalThis.$altcha.algorithms.set(algorithm, worker('altcha-sha.js'));
`;

let cached: Map<string, RegisterAsset> | undefined;

/** The asset of that name, or undefined. */
export function registerAsset(name: string): RegisterAsset | undefined {
  cached ??= loadAssets();
  return cached.get(name);
}

function loadAssets(): Map<string, RegisterAsset> {
  // "altcha" resolves (require condition) to dist/main/altcha.umd.cjs; every other file is beside it.
  const distDir = dirname(dirname(createRequire(import.meta.url).resolve('altcha')));
  const javaScript = 'text/javascript; charset=utf-8';
  const file = (path: string, contentType: string): RegisterAsset => ({
    body: new Uint8Array(readFileSync(join(distDir, path))),
    contentType,
  });
  return new Map<string, RegisterAsset>([
    ['altcha.js', file('external/altcha.js', javaScript)],
    ['altcha.css', file('external/altcha.css', 'text/css; charset=utf-8')],
    ['altcha-da.js', file('i18n/da.js', javaScript)],
    ['altcha-nb.js', file('i18n/nb.js', javaScript)],
    ['altcha-pbkdf2.js', file('workers/pbkdf2.js', javaScript)],
    ['altcha-sha.js', file('workers/sha.js', javaScript)],
    ['register-setup.js', { body: new TextEncoder().encode(setupScript), contentType: javaScript }],
  ]);
}
