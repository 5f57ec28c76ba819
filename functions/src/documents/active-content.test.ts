import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { ensureNoActivePdfContent } from './active-content.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

function pdfWithStream(dictionary: string, data: Buffer): Uint8Array {
  return Buffer.concat([
    latin1('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
    latin1(`2 0 obj\n${dictionary}\nstream\n`),
    data,
    latin1('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ]);
}

async function reasonOf(bytes: Uint8Array): Promise<string | undefined> {
  const error = await ensureNoActivePdfContent(bytes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error === undefined) return undefined;
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).details?.reason as string;
}

describe('ensureNoActivePdfContent', () => {
  it.each([
    [
      '"/JS " by chance inside image data',
      '<< /Length 9 /Filter /DCTDecode >>',
      latin1('\xff\xd8/JS \x00\x01'),
      undefined,
    ],
    ['/JavaScript inside stream data', '<< /Length 20 >>', latin1('/S /JavaScript'), 'active-content'],
    [
      'an object stream with a harmless object',
      '<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>',
      deflateSync('3 0 << /Type /Font >>'),
      undefined,
    ],
    [
      'an object stream behind a filter chain',
      '<< /Type /ObjStm /N 1 /First 4 /Filter [/ASCIIHexDecode /FlateDecode] >>',
      latin1('78da>'),
      'unscannable-content',
    ],
    [
      'an object stream that is not what it claims',
      '<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>',
      latin1('not deflate at all'),
      'unscannable-content',
    ],
    [
      '/Type #-escaped to hide the object stream',
      '<< /Type /Obj#53tm /N 1 /First 4 /Filter /FlateDecode >>',
      deflateSync('3 0 << /AA << /O << /S /JavaScript /JS (x) >> >> >>'),
      'active-content',
    ],
  ])('%s', async (_, dictionary, data, reason) => {
    expect(await reasonOf(pdfWithStream(dictionary, data))).toBe(reason);
  });
});
