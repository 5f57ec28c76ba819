/**
 * Bundle-size budget for the tab: `npm run build:tab && npm run bundle-size`.
 *
 * Reads tab/dist/index.html, takes the entry script plus every modulepreload'ed chunk (and,
 * to be safe, every chunk those statically import) as the initial JavaScript, gzips each file
 * at level 9 and compares the total with the budget. Everything else under tab/dist that is
 * JavaScript is a lazy chunk and is listed with its size. Exits 1 when the initial JavaScript
 * is over budget or when there is no build to measure.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const budgetKb = 150;
const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(root, 'tab', 'dist');
const indexFile = join(distDir, 'index.html');

type Sized = { file: string; rawBytes: number; gzipBytes: number };

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!existsSync(indexFile)) {
  fail('tab/dist/index.html is missing. Run `npm run build:tab` first, then `npm run bundle-size`.');
}

const html = readFileSync(indexFile, 'utf8');

/** Attribute value of one tag, or undefined. */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** Maps a URL from index.html ("/assets/x.js", "./assets/x.js", "assets/x.js") to a file in dist. */
function distPath(url: string): string | undefined {
  if (/^(?:[a-z]+:)?\/\//i.test(url)) return undefined; // external script: not part of our bundle
  const clean = url.split(/[?#]/)[0] ?? '';
  const path = resolve(distDir, clean.replace(/^\/+/, ''));
  return path.startsWith(distDir) && existsSync(path) ? path : undefined;
}

const tags = html.match(/<(?:script|link)\b[^>]*>/gi) ?? [];
const entries: string[] = [];
const preloads: string[] = [];
const initialCss: string[] = [];
for (const tag of tags) {
  if (/^<script/i.test(tag)) {
    const src = attribute(tag, 'src');
    const path = src ? distPath(src) : undefined;
    if (path) entries.push(path);
    continue;
  }
  const rel = (attribute(tag, 'rel') ?? '').toLowerCase();
  const href = attribute(tag, 'href');
  const path = href ? distPath(href) : undefined;
  if (!path) continue;
  if (rel === 'modulepreload') preloads.push(path);
  else if (rel === 'stylesheet') initialCss.push(path);
}
if (entries.length === 0) fail('No entry <script src> pointing into tab/dist was found in tab/dist/index.html.');

/**
 * Static imports of an ES chunk ("import{a}from"./x.js"", "import"./y.js"", "export*from"./z.js"").
 * Dynamic `import("…")` is excluded: those chunks load lazily. Only specifiers that resolve to a
 * real file next to the chunk count, so a stray match inside a string literal is harmless.
 */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /(?:^|[;}\n\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.m?js)["']/g;
  for (const match of code.matchAll(pattern)) {
    const target = resolve(dirname(file), match[1] as string);
    if (target.startsWith(distDir) && existsSync(target)) found.push(target);
  }
  return found;
}

const initial = new Set<string>();
const queue = [...entries, ...preloads];
while (queue.length > 0) {
  const file = queue.shift() as string;
  if (initial.has(file)) continue;
  initial.add(file);
  if (/\.m?js$/.test(file)) queue.push(...staticImports(file));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function measure(file: string): Sized {
  const bytes = readFileSync(file);
  return {
    file: relative(distDir, file).split('\\').join(posix.sep),
    rawBytes: bytes.byteLength,
    gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
  };
}

const allJs = listFiles(distDir).filter((file) => /\.m?js$/.test(file));
const initialJs = [...initial].filter((file) => /\.m?js$/.test(file)).map(measure);
const lazyJs = allJs
  .filter((file) => !initial.has(file))
  .map(measure)
  .sort((a, b) => b.gzipBytes - a.gzipBytes);
const css = initialCss.map(measure);

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const sum = (items: Sized[], key: 'rawBytes' | 'gzipBytes') => items.reduce((total, item) => total + item[key], 0);
const width = Math.max(24, ...[...initialJs, ...lazyJs, ...css].map((item) => item.file.length));
const line = (item: Sized) =>
  `  ${item.file.padEnd(width)}  ${kb(item.rawBytes).padStart(9)} KB  ${kb(item.gzipBytes).padStart(8)} KB`;
const header = `  ${'file'.padEnd(width)}  ${'raw'.padStart(12)}  ${'gzip -9'.padStart(11)}`;

console.log('Initial JavaScript (entry + modulepreload + their static imports):');
console.log(header);
for (const item of initialJs) console.log(line(item));
const initialGzip = sum(initialJs, 'gzipBytes');
console.log(
  `  ${'TOTAL'.padEnd(width)}  ${kb(sum(initialJs, 'rawBytes')).padStart(9)} KB  ${kb(initialGzip).padStart(8)} KB`,
);
if (css.length > 0) {
  console.log('\nInitial CSS (not counted in the JS budget):');
  for (const item of css) console.log(line(item));
}
console.log(`\nLazy chunks (${lazyJs.length}, loaded on demand):`);
if (lazyJs.length > 0) console.log(header);
for (const item of lazyJs) console.log(line(item));
if (lazyJs.length > 0) {
  console.log(
    `  ${'TOTAL'.padEnd(width)}  ${kb(sum(lazyJs, 'rawBytes')).padStart(9)} KB  ${kb(sum(lazyJs, 'gzipBytes')).padStart(8)} KB`,
  );
}

const within = initialGzip <= budgetKb * 1024;
console.log(`\nInitial JS: ${kb(initialGzip)} KB gzipped; budget ${budgetKb} KB → ${within ? 'OK' : 'OVER BUDGET'}`);
if (!within) process.exit(1);
