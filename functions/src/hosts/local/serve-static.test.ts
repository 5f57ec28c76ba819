import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, resolveStaticFile } from './serve-static.js';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

describe('inline scripts under the Content-Security-Policy', () => {
  it('hashes inline scripts exactly as written, and not scripts with a src', () => {
    const inline = "\n  window.x = 1; // 'quoted' & <b>\n";
    const html = `<head><script>${inline}</script><script type="module" src="/assets/a.js"></script></head>`;
    expect(inlineScriptHashes(html)).toEqual([sha256(inline)]);
    expect(inlineScriptHashes('<script src="/a.js"></script>')).toEqual([]);
  });

  it("allows index.html's own inline script by hash and nothing else inline", async () => {
    const root = mkdtempSync(join(tmpdir(), 'kh-csp-'));
    mkdirSync(join(root, 'assets'));
    const inline = 'window.__early = 1;';
    writeFileSync(join(root, 'index.html'), `<!doctype html><head><script>${inline}</script></head>`);
    writeFileSync(join(root, 'assets', 'a-1.js'), 'export {};');

    const page = await resolveStaticFile(root, '/handbook');
    if (page.status !== 200) throw new Error('expected index.html');
    const policy = page.headers['content-security-policy'] ?? '';
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src ')) ?? '';
    expect(scriptSrc).toBe(`script-src 'self' https://res.cdn.office.net '${sha256(inline)}'`);
    expect(scriptSrc).not.toContain('unsafe-inline');

    const asset = await resolveStaticFile(root, '/assets/a-1.js');
    if (asset.status !== 200) throw new Error('expected the asset');
    expect(asset.headers['content-security-policy']).toBe(contentSecurityPolicy());
  });

  it("covers the tab's index.html source (its early-requests script)", () => {
    const html = readFileSync(new URL('../../../../tab/index.html', import.meta.url), 'utf8');
    expect(inlineScriptHashes(html)).toHaveLength(1);
  });
});
