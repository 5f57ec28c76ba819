import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildZip, packEntry, packedRepeat } from '../../../test/support/zip-bombs.js';
import { AppError } from '../core/errors.js';
import { archiveLimits, openArchive, readCentralDirectory, UnreadableArchive } from './archive-guard.js';
import { buildProcedureDocx } from './procedure-template.js';

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

describe('the archive guard', () => {
  it('opens a generated Word document and returns its parts', async () => {
    const docx = await buildProcedureDocx({ code: 'X-1', title: 'Prøve', organisation: 'Eksempel Kommune' });
    const files = await openArchive(docx);
    expect(files.get('word/document.xml')?.toString('utf8')).toContain('Prøve');
  });

  it.each([
    {
      case: 'too many entries',
      build: async () =>
        buildZip(Array.from({ length: archiveLimits.maxEntries + 1 }, (_, index) => packEntry(`${index}.xml`, '<a/>'))),
      reason: 'too-many-entries',
    },
    {
      case: 'declared total over the limit',
      build: async () =>
        buildZip([
          // 30 MB from 400 KB is within the ratio; the two together are not within the total.
          { name: 'a.xml', packed: randomBytes(400 * 1024), declaredSize: 30 * 1024 * 1024 },
          { name: 'b.xml', packed: randomBytes(400 * 1024), declaredSize: 30 * 1024 * 1024 },
        ]),
      reason: 'archive-too-large',
    },
    {
      case: 'a 1,000:1 entry',
      build: async () =>
        buildZip([
          { name: 'a.xml', packed: await packedRepeat('a', 20 * 1024 * 1024), declaredSize: 20 * 1024 * 1024 },
        ]),
      reason: 'compression-ratio',
    },
    {
      case: 'a declared size smaller than the content',
      build: async () => buildZip([{ ...packEntry('a.xml', 'x'.repeat(5000)), declaredSize: 100 }]),
      reason: 'declared-size-mismatch',
    },
    {
      case: 'a declared size larger than the content',
      build: async () => buildZip([{ ...packEntry('a.xml', 'x'.repeat(5000)), declaredSize: 6000 }]),
      reason: 'declared-size-mismatch',
    },
  ])('refuses $case as UNSAFE_DOCUMENT ($reason)', async ({ build, reason }) => {
    const error = await refusal(openArchive(await build()));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNSAFE_DOCUMENT');
    expect((error as AppError).details?.reason).toBe(reason);
  });

  it('refuses bytes before the archive, which other readers would skip differently', async () => {
    const zip = buildZip([packEntry('a.xml', '<a/>')]);
    const prefixed = new Uint8Array([...new Uint8Array(16), ...zip]);
    expect(() => readCentralDirectory(prefixed)).toThrow(UnreadableArchive);
    expect(await refusal(openArchive(zip.slice(0, zip.length - 5)))).toBeInstanceOf(UnreadableArchive);
  });
});
