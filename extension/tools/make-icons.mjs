// Draws the toolbar and store icons (a green shield with a white cross) as PNG files, with no image library.
// Run `node extension/tools/make-icons.mjs`; the PNGs are committed, so this only runs when the drawing changes.

import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

export const SIZES = [16, 32, 48, 128];
const SHIELD = [0x0b, 0x6e, 0x4f];
const EDGE = [0x06, 0x4a, 0x35];
const CROSS = [0xff, 0xff, 0xff];
const SAMPLES = 4;

/** Colour of the point (x, y) in the unit square, or null for transparent. */
function paint(x, y) {
  const halfWidth = shieldHalfWidth(y);
  const dx = Math.abs(x - 0.5);
  if (halfWidth === null || dx > halfWidth) {
    return null;
  }
  const inCross = (dx < 0.07 && Math.abs(y - 0.44) < 0.22) || (Math.abs(y - 0.44) < 0.07 && dx < 0.22);
  if (inCross) {
    return CROSS;
  }
  const edgeWidth = 0.055;
  const inner = shieldHalfWidth(y - edgeWidth * 0.6);
  return dx > halfWidth - edgeWidth || inner === null || y < 0.06 + edgeWidth ? EDGE : SHIELD;
}

// The shield: straight sides from the top to the middle, then an arc that closes in a point at the bottom.
function shieldHalfWidth(y) {
  if (y < 0.06 || y > 0.96) {
    return null;
  }
  if (y <= 0.5) {
    return 0.4 - 0.06 * Math.max(0, (0.14 - y) / 0.08);
  }
  const t = (y - 0.5) / 0.46;
  return 0.4 * Math.sqrt(Math.max(0, 1 - t * t));
}

export function iconPixels(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = paint((col + (sx + 0.5) / SAMPLES) / size, (row + (sy + 0.5) / SAMPLES) / size);
          if (colour !== null) {
            sum[0] += colour[0];
            sum[1] += colour[1];
            sum[2] += colour[2];
            sum[3] += 1;
          }
        }
      }
      const at = (row * size + col) * 4;
      if (sum[3] > 0) {
        pixels[at] = Math.round(sum[0] / sum[3]);
        pixels[at + 1] = Math.round(sum[1] / sum[3]);
        pixels[at + 2] = Math.round(sum[2] / sum[3]);
        pixels[at + 3] = Math.round((255 * sum[3]) / (SAMPLES * SAMPLES));
      }
    }
  }
  return pixels;
}

/** An 8-bit RGBA PNG of the given square pixels. */
export function encodePng(size, pixels) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    raw[row * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(raw, row * (size * 4 + 1) + 1, row * size * 4, (row + 1) * size * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of SIZES) {
    const target = new URL(`../icons/icon-${size}.png`, import.meta.url);
    writeFileSync(target, encodePng(size, iconPixels(size)));
    console.log(fileURLToPath(target));
  }
}
