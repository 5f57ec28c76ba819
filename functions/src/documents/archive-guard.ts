import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { AppError } from '../core/errors.js';

/**
 * Opens the ZIP container of an Office Open XML file (.docx, .xlsx) without letting it hurt the
 * server. A ZIP can unpack to a thousand times its size ("decompression bomb"), and the sizes it
 * declares can lie, so the libraries that read Office files (mammoth, exceljs, jszip), which
 * inflate whatever they are given, only see a file that has passed here:
 *
 * 1. the central directory is read first, and the entry count, the declared unpacked sizes and
 *    each entry's compression ratio are checked before anything is inflated;
 * 2. then every entry is inflated here, asynchronously (zlib works on the thread pool, so the
 *    server keeps answering) and with a hard output cap of its declared size, so a forged size is
 *    caught after at most that many bytes.
 *
 * The libraries later read the same entries from the same central directory (the layout checks
 * below refuse anything they could read differently), so what they inflate is what was measured.
 */
export const archiveLimits = {
  /**
   * The sum of all entries' unpacked sizes. A long Word procedure unpacks to 1–3 MB, the demo
   * files to well under 1 MB; images are the bulk of bigger files (and are dropped on rendering).
   */
  maxUnpackedBytes: 50 * 1024 * 1024,
  /** A Word document has 10–40 parts; a workbook with many sheets a few hundred. */
  maxEntries: 2000,
  /**
   * Unpacked : packed for a single entry. Text-heavy XML compresses 10–30:1 and small parts
   * even more, so the ratio only applies to entries that unpack to more than `ratioFloorBytes`.
   */
  maxCompressionRatio: 100,
  ratioFloorBytes: 1024 * 1024,
} as const;

export type UnsafeArchiveReason =
  'too-many-entries' | 'archive-too-large' | 'compression-ratio' | 'declared-size-mismatch';

/** An archive refused for what it would unpack to. */
function unsafe(reason: UnsafeArchiveReason, message: string, facts: Record<string, unknown> = {}): AppError {
  return new AppError('UNSAFE_DOCUMENT', message, { reason, ...facts });
}

/** The bytes are not a ZIP this guard can read; the caller words it for its format. */
export class UnreadableArchive extends Error {
  constructor(what: string) {
    super(`Unreadable ZIP archive: ${what}`);
    this.name = 'UnreadableArchive';
  }
}

export type ArchiveEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

const endOfCentralDirectorySignature = 0x06054b50;
const centralDirectorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const zip64Marker = 0xffffffff;
const stored = 0;
const deflated = 8;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(bytes: Uint8Array, data: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let offset = bytes.length - 22; offset >= lowest; offset--) {
    if (data.getUint32(offset, true) === endOfCentralDirectorySignature) return offset;
  }
  throw new UnreadableArchive('no end of central directory');
}

/**
 * The entries as the central directory declares them, refused early when the declarations alone
 * are too much. Nothing is inflated here.
 */
export function readCentralDirectory(bytes: Uint8Array): ArchiveEntry[] {
  if (bytes.length < 22) throw new UnreadableArchive('too short');
  const data = view(bytes);
  const end = findEndOfCentralDirectory(bytes, data);
  const entryCount = data.getUint16(end + 10, true);
  const directorySize = data.getUint32(end + 12, true);
  const directoryOffset = data.getUint32(end + 16, true);
  if (entryCount === 0xffff || directoryOffset === zip64Marker || directorySize === zip64Marker) {
    // ZIP64 is only needed beyond 65,535 entries or 4 GB, both far past the limits.
    throw unsafe('archive-too-large', 'The archive uses ZIP64, which only archives far beyond the limits need.');
  }
  if (entryCount > archiveLimits.maxEntries) {
    throw unsafe('too-many-entries', `The archive has ${entryCount} entries; at most ${archiveLimits.maxEntries}.`, {
      count: entryCount,
      limit: archiveLimits.maxEntries,
    });
  }
  // No bytes before the archive or between directory and its end record: jszip would otherwise
  // shift every offset by the difference and read other bytes than the ones checked here.
  if (directoryOffset + directorySize !== end) throw new UnreadableArchive('central directory is not where declared');

  const entries: ArchiveEntry[] = [];
  let offset = directoryOffset;
  let declaredTotal = 0;
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > end || data.getUint32(offset, true) !== centralDirectorySignature) {
      throw new UnreadableArchive('damaged central directory');
    }
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const commentLength = data.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > end) throw new UnreadableArchive('damaged central directory');
    const entry: ArchiveEntry = {
      flags: data.getUint16(offset + 8, true),
      method: data.getUint16(offset + 10, true),
      compressedSize: data.getUint32(offset + 20, true),
      size: data.getUint32(offset + 24, true),
      localHeaderOffset: data.getUint32(offset + 42, true),
      name: new TextDecoder('utf-8').decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    };
    if (entry.compressedSize === zip64Marker || entry.size === zip64Marker || entry.localHeaderOffset === zip64Marker) {
      throw unsafe('archive-too-large', 'The archive uses ZIP64, which only archives far beyond the limits need.');
    }
    declaredTotal += entry.size;
    if (declaredTotal > archiveLimits.maxUnpackedBytes) {
      throw unsafe(
        'archive-too-large',
        `The archive unpacks to more than ${archiveLimits.maxUnpackedBytes} bytes, the limit.`,
        { limit: archiveLimits.maxUnpackedBytes },
      );
    }
    if (
      entry.size > archiveLimits.ratioFloorBytes &&
      entry.size > archiveLimits.maxCompressionRatio * Math.max(entry.compressedSize, 1)
    ) {
      throw unsafe(
        'compression-ratio',
        `An entry unpacks to more than ${archiveLimits.maxCompressionRatio} times its packed size.`,
        { limit: archiveLimits.maxCompressionRatio },
      );
    }
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (offset !== end) throw new UnreadableArchive('central directory size does not match its entries');
  return entries;
}

const inflateRawAsync = promisify(inflateRaw);

/** The entry's packed bytes, found through its local header. */
function packedBytes(bytes: Uint8Array, data: DataView, entry: ArchiveEntry): Uint8Array {
  const offset = entry.localHeaderOffset;
  if (offset + 30 > bytes.length || data.getUint32(offset, true) !== localHeaderSignature) {
    throw new UnreadableArchive('damaged local header');
  }
  const start = offset + 30 + data.getUint16(offset + 26, true) + data.getUint16(offset + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new UnreadableArchive('entry extends past the end');
  return bytes.subarray(start, end);
}

async function inflateEntry(bytes: Uint8Array, data: DataView, entry: ArchiveEntry): Promise<Buffer> {
  if (entry.flags & 0x1) throw new UnreadableArchive('encrypted entry');
  const packed = packedBytes(bytes, data, entry);
  let unpacked: Buffer;
  if (entry.method === stored) unpacked = Buffer.from(packed);
  else if (entry.method === deflated) {
    try {
      // The cap is the declared size: a forged (smaller) declaration stops here, after at most
      // that many bytes, instead of in a library that trusts the stream.
      unpacked = await inflateRawAsync(packed, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw unsafe('declared-size-mismatch', 'An entry unpacks to more than the archive declares.');
      }
      throw new UnreadableArchive('damaged compressed data');
    }
  } else throw new UnreadableArchive(`compression method ${entry.method}`);
  if (unpacked.length !== entry.size) {
    throw unsafe('declared-size-mismatch', 'An entry unpacks to another size than the archive declares.');
  }
  return unpacked;
}

/**
 * Checks the archive's declarations, then inflates every entry under the caps. Returns the
 * unpacked entries by name (the last one wins for a repeated name, as in jszip). Throws
 * UNSAFE_DOCUMENT (details.reason) for what the limits refuse and `UnreadableArchive` for bytes
 * that are not a well-formed ZIP.
 */
export async function openArchive(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const entries = readCentralDirectory(bytes);
  const data = view(bytes);
  const files = new Map<string, Buffer>();
  for (const entry of entries) {
    files.set(entry.name, await inflateEntry(bytes, data, entry));
  }
  return files;
}
