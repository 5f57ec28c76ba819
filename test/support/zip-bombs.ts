import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

/**
 * Hand-built ZIP archives for the tests of hostile uploads: decompression bombs (generated here,
 * never committed), archives whose declared sizes lie, Office files with extra parts.
 */
export type PackedEntry = {
  name: string;
  /** The raw-deflated bytes (method 8). */
  packed: Uint8Array;
  /** What the headers declare as the unpacked size (may lie). */
  declaredSize: number;
  crc?: number;
};

let crcTable: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function packEntry(name: string, content: Uint8Array | string): PackedEntry {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, packed: deflateRawSync(bytes), declaredSize: bytes.length, crc: crc32(bytes) };
}

/** `size` bytes of `pattern` repeated, raw-deflated as a stream (the whole never sits in memory). */
export async function packedRepeat(pattern: string, size: number): Promise<Uint8Array> {
  const chunk = Buffer.from(pattern.repeat(Math.ceil((1024 * 1024) / pattern.length)).slice(0, 1024 * 1024));
  async function* chunks() {
    let left = size;
    while (left > 0) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      yield piece;
    }
  }
  return new Uint8Array(await buffer(Readable.from(chunks()).pipe(createDeflateRaw({ level: 9 }))));
}

/** A ZIP of the entries, local headers and central directory agreeing (including any lie). */
export function buildZip(entries: readonly PackedEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc ?? 0, 14);
    local.writeUInt32LE(entry.packed.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc ?? 0, 16);
    central.writeUInt32LE(entry.packed.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(entry.packed));
    directory.push(central, name);
    offset += 30 + name.length + entry.packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directoryBytes, end]));
}

/** The entries of a real Office file, repacked so that one can be replaced or added. */
export async function entriesOf(file: Uint8Array): Promise<PackedEntry[]> {
  const zip = await JSZip.loadAsync(file);
  const entries: PackedEntry[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) entries.push(packEntry(name, await entry.async('uint8array')));
  }
  return entries;
}

/** `file` with the entry `name` replaced by (or added as) `replacement`. */
export async function withEntry(file: Uint8Array, replacement: PackedEntry): Promise<Uint8Array> {
  const entries = (await entriesOf(file)).filter((entry) => entry.name !== replacement.name);
  return buildZip([...entries, replacement]);
}

/** A paragraph of WordprocessingML, the pattern a Word bomb repeats. */
export const wordParagraph = '<w:p><w:r><w:t>Sagen behandles inden for fristen.</w:t></w:r></w:p>';
