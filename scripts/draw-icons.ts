import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Draws the two Teams app icons from code, so they can be regenerated and reviewed:
 *  - color.png, 192×192: a white open book on the app's blue, a blue check mark on the right page
 *    ("read and understood") and text lines on the left;
 *  - outline.png, 32×32: the same book in white on a transparent background, the check cut out.
 * Teams asks for exactly these sizes, and for the outline icon to be white on transparent:
 * https://learn.microsoft.com/microsoft-365/extensibility/schema/root-icons and
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package
 *
 * `npx tsx scripts/draw-icons.ts` writes manifest/color.png and manifest/outline.png. Pure Node:
 * pixels are computed with 4×4 supersampling and encoded as 8-bit RGBA PNG with node:zlib.
 */

export const ACCENT_COLOR = '#1E5A8A';

type Rgba = readonly [number, number, number, number];
type Point = readonly [number, number];
/** Whether the point (x, y), in pixels, lies inside a shape. */
type Shape = (x: number, y: number) => boolean;

const WHITE: Rgba = [255, 255, 255, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];
const SAMPLES = 4;

export type Image = { width: number; height: number; rgba: Uint8Array };

function hexToRgba(hex: string): Rgba {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}

function createImage(width: number, height: number, fill: Rgba): Image {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set(fill, i * 4);
  return { width, height, rgba };
}

function coverage(shape: Shape, px: number, py: number): number {
  let inside = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      if (shape(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) inside++;
    }
  }
  return inside / (SAMPLES * SAMPLES);
}

/** Paints `color` over the image where `shape` is, blending antialiased edges ("source over"). */
function paint(image: Image, shape: Shape, color: Rgba): void {
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const alpha = (coverage(shape, x, y) * color[3]) / 255;
      if (alpha === 0) continue;
      const i = (y * image.width + x) * 4;
      const below = image.rgba[i + 3]! / 255;
      const out = alpha + below * (1 - alpha);
      for (let c = 0; c < 3; c++) {
        image.rgba[i + c] = Math.round((color[c]! * alpha + image.rgba[i + c]! * below * (1 - alpha)) / out);
      }
      image.rgba[i + 3] = Math.round(out * 255);
    }
  }
}

/** Removes `shape` from the image: its pixels become (partly) transparent. */
function erase(image: Image, shape: Shape): void {
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const cut = coverage(shape, x, y);
      if (cut === 0) continue;
      const i = (y * image.width + x) * 4;
      image.rgba[i + 3] = Math.round(image.rgba[i + 3]! * (1 - cut));
      if (image.rgba[i + 3] === 0) image.rgba.set(TRANSPARENT, i);
    }
  }
}

function polygon(points: readonly Point[]): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** A stroke of the given width along a polyline, with round caps and joins. */
function stroke(points: readonly Point[], width: number): Shape {
  const r2 = (width / 2) ** 2;
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= r2) return true;
    }
    return false;
  };
}

function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  return (x, y) => {
    const cx = Math.max(left + radius, Math.min(right - radius, x));
    const cy = Math.max(top + radius, Math.min(bottom - radius, y));
    return x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

/** The open book in a 0..1 unit square, scaled to `size`: two pages meeting at a spine. */
function book(size: number) {
  const s = (points: readonly Point[]): Point[] => points.map(([x, y]) => [x * size, y * size]);
  return {
    leftPage: polygon(
      s([
        [0.14, 0.27],
        [0.36, 0.25],
        [0.485, 0.31],
        [0.485, 0.8],
        [0.36, 0.74],
        [0.14, 0.76],
      ]),
    ),
    rightPage: polygon(
      s([
        [0.515, 0.31],
        [0.64, 0.25],
        [0.86, 0.27],
        [0.86, 0.76],
        [0.64, 0.74],
        [0.515, 0.8],
      ]),
    ),
    lines: [0.38, 0.47, 0.56, 0.65].map((y) =>
      stroke(
        s([
          [0.21, y],
          [0.41, y + 0.02],
        ]),
        size * 0.025,
      ),
    ),
    check: (width: number) =>
      stroke(
        s([
          [0.58, 0.52],
          [0.65, 0.6],
          [0.79, 0.41],
        ]),
        width,
      ),
  };
}

export function drawColorIcon(): Image {
  const size = 192;
  const blue = hexToRgba(ACCENT_COLOR);
  const image = createImage(size, size, TRANSPARENT);
  // A full-bleed square with slightly rounded corners; Teams masks the corners itself.
  paint(image, roundedRect(0, 0, size, size, 12), blue);
  const shapes = book(size);
  paint(image, shapes.leftPage, WHITE);
  paint(image, shapes.rightPage, WHITE);
  for (const line of shapes.lines) paint(image, line, [...blue.slice(0, 3), 150] as unknown as Rgba);
  paint(image, shapes.check(size * 0.05), blue);
  return image;
}

export function drawOutlineIcon(): Image {
  const size = 32;
  const image = createImage(size, size, TRANSPARENT);
  const shapes = book(size);
  paint(image, shapes.leftPage, WHITE);
  paint(image, shapes.rightPage, WHITE);
  erase(image, shapes.check(2.2));
  return image;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** 8-bit RGBA, non-interlaced PNG (https://www.w3.org/TR/png/), every row with filter type 0. */
export function encodePng(image: Image): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, filter 0, no interlace
  const rowBytes = image.width * 4;
  const raw = Buffer.alloc((rowBytes + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    raw[y * (rowBytes + 1)] = 0;
    raw.set(image.rgba.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const ICON_FILES = {
  'color.png': () => encodePng(drawColorIcon()),
  'outline.png': () => encodePng(drawOutlineIcon()),
} as const;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const manifestDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'manifest');
  for (const [name, draw] of Object.entries(ICON_FILES)) {
    writeFileSync(join(manifestDir, name), draw());
    console.log(`wrote ${join('manifest', name)}`);
  }
}
