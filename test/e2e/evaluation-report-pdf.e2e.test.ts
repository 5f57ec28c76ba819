import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvaluationReportPdf } from '../../functions/src/documents/evaluation-report-pdf.js';
import { evaluationPackFixture } from '../../functions/src/documents/test-support/evaluation-pack-fixture.js';
import { launchChromium, repoRoot, resultsDir } from '../support/e2e.js';

/**
 * "The PDF export renders correctly": the management-evaluation report is rendered by PDF.js in
 * headless Chromium, page by page, to a canvas. The test reads each page's text layer (the words
 * a reader, a screen reader or a search would get) and checks the canvas is not blank, and it
 * writes the pages as PNG files to test-results/ for a person to look at.
 */

const pdfjsRoot = join(repoRoot, 'node_modules/pdfjs-dist');
const mediaTypes: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.html': 'text/html; charset=utf-8',
};

const viewerHtml = `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>PDF</title>
<style>body{margin:0;background:#fff}canvas{display:block}</style></head>
<body><canvas id="page"></canvas>
<script type="module">
  import * as pdfjs from '/pdfjs/build/pdf.mjs';
  pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
  const documentTask = pdfjs.getDocument({ url: '/report.pdf', standardFontDataUrl: '/pdfjs/standard_fonts/' });
  window.renderPage = async (number) => {
    const pdf = await documentTask.promise;
    const page = await pdf.getPage(number);
    const viewport = page.getViewport({ scale: 1.5 });
    const canvas = document.getElementById('page');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, canvas, viewport }).promise;
    const content = await page.getTextContent();
    const text = content.items.map((item) => item.str + (item.hasEOL ? '\\n' : '')).join('');
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let index = 0; index < pixels.length; index += 4) {
      if (pixels[index] < 200 || pixels[index + 1] < 200 || pixels[index + 2] < 200) inked += 1;
    }
    return { pageCount: pdf.numPages, text, width: canvas.width, height: canvas.height, inkedShare: inked / (pixels.length / 4) };
  };
  window.viewerReady = true;
</script></body></html>`;

type RenderedPage = { pageCount: number; text: string; width: number; height: number; inkedShare: number };

/** Serves the viewer, PDF.js from node_modules and the report; nothing else. */
function startViewerServer(pdf: Uint8Array): Promise<Server> {
  const server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/') {
        response.writeHead(200, { 'content-type': mediaTypes['.html'] }).end(viewerHtml);
        return;
      }
      if (path === '/report.pdf') {
        response.writeHead(200, { 'content-type': mediaTypes['.pdf'] }).end(pdf);
        return;
      }
      const relative = normalize(path.replace(/^\/pdfjs\//, ''));
      if (!path.startsWith('/pdfjs/') || relative.startsWith('..')) {
        response.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(join(pdfjsRoot, relative));
        response
          .writeHead(200, { 'content-type': mediaTypes[extname(relative)] ?? 'application/octet-stream' })
          .end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function renderPage(page: Page, number: number): Promise<RenderedPage> {
  return page.evaluate((pageNumber) => {
    const render = (window as unknown as { renderPage(n: number): Promise<RenderedPage> }).renderPage;
    return render(pageNumber);
  }, number);
}

/** pdf.js gives the text in runs; spacing between runs varies, so compare without it. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the management-evaluation PDF', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const pdf = await buildEvaluationReportPdf(evaluationPackFixture(), 'da');
    await mkdir(resultsDir, { recursive: true });
    await writeFile(join(resultsDir, 'evaluation-report.pdf'), pdf);
    server = await startViewerServer(pdf);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 900, height: 1300 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as { viewerReady?: boolean }).viewerReady === true);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('renders the title page with the municipality, the year, the meeting and the contents', async () => {
    const first = await renderPage(page, 1);
    await page.locator('#page').screenshot({ path: join(resultsDir, 'evaluation-report-page-1.png') });
    expect(pageErrors).toEqual([]);
    // A4 at 1.5 × 72 dpi.
    expect(Math.abs(first.width - 595.28 * 1.5)).toBeLessThan(1);
    expect(Math.abs(first.height - 841.89 * 1.5)).toBeLessThan(1);
    expect(first.inkedShare).toBeGreaterThan(0.01);
    const text = squeeze(first.text);
    for (const expected of [
      'ÆRØSKØBINGKOMMUNE',
      'Ledelsensevaluering2026',
      'Afholdt10.november2026',
      'SørenØstergaard,ÅseLønstrup,KåreKvalitet',
      'Indhold',
      '1.Opfølgningpåtidligerebeslutninger',
      '9.Afvigelser,klagerogforslag',
      '12.Politiskbehandlingogoffentliggørelse',
      'Side1af',
    ]) {
      expect(text).toContain(expected);
    }
    expect(first.pageCount).toBeGreaterThanOrEqual(4);
  });

  it('renders the sections with their tables, Danish letters intact, and numbers every page', async () => {
    const second = await renderPage(page, 2);
    await page.locator('#page').screenshot({ path: join(resultsDir, 'evaluation-report-page-2.png') });
    expect(second.inkedShare).toBeGreaterThan(0.01);
    const text = squeeze(second.text);
    for (const expected of [
      '1.Opfølgningpåtidligerebeslutninger',
      'Styrkdeninterneauditorgruppe',
      'Overskredet',
      '2.Auditresultaterogfund',
      'Overvågningsaudit(DSCertificering)',
      `Side2af${second.pageCount}`,
    ]) {
      expect(text).toContain(expected);
    }

    // One canvas: render the remaining pages one after the other.
    const rest: { number: number; text: string }[] = [];
    for (let number = 3; number <= second.pageCount; number += 1) {
      const rendered = await renderPage(page, number);
      await page.locator('#page').screenshot({ path: join(resultsDir, `evaluation-report-page-${number}.png`) });
      expect(rendered.inkedShare).toBeGreaterThan(0.005);
      rest.push({ number, text: squeeze(rendered.text) });
    }
    const all = rest.map((entry) => entry.text).join('');
    for (const expected of ['Partshøringførafgørelse', 'Teknik-ogMiljøudvalget', '85%', '83%']) {
      expect(all).toContain(expected);
    }
    for (const entry of rest) expect(entry.text).toContain(`Side${entry.number}af${second.pageCount}`);
    expect(rest.at(-1)?.text).toContain('12.Politiskbehandlingogoffentliggørelse');
  });
});
