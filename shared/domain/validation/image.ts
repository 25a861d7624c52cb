/**
 * The council's emblem, printed in every document header: a real PNG or JPEG, small enough to
 * keep every document light. Checked by its signature and by the dimensions its header declares
 * (PNG's IHDR, JPEG's start-of-frame), not by the name or type a file claims: «AAAA», some text
 * or a GIF would otherwise be stored and then break every document (pdfkit reads PNG and JPEG only).
 * Pure TypeScript (the renderer's form and main use the same check).
 */

export const EMBLEM_MAX_BYTES = 512 * 1024;
export const EMBLEM_MAX_SIDE = 2000;
export const EMBLEM_MAX_PIXELS = 2_000_000;

export type EmblemIssue =
  | 'validation.emblem.notBase64'
  | 'validation.emblem.tooLarge'
  | 'validation.emblem.notPngOrJpeg'
  | 'validation.emblem.damaged'
  | 'validation.emblem.dimensions';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Strict base64 (no data: prefix, no line breaks) to bytes; undefined when it is not. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length === 0 || !BASE64.test(text)) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const quad = [0, 1, 2, 3].map((k) => Math.max(0, BASE64_DIGITS.indexOf(text[i + k] ?? '=')));
    const word = ((quad[0] ?? 0) << 18) | ((quad[1] ?? 0) << 12) | ((quad[2] ?? 0) << 6) | (quad[3] ?? 0);
    for (const byte of [(word >> 16) & 255, (word >> 8) & 255, word & 255]) if (out < bytes.length) bytes[out++] = byte;
  }
  return bytes;
}

interface Size {
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function uint32(bytes: Uint8Array, at: number): number {
  return (((bytes[at] ?? 0) << 24) >>> 0) + ((bytes[at + 1] ?? 0) << 16) + ((bytes[at + 2] ?? 0) << 8) + (bytes[at + 3] ?? 0);
}

function uint16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) + (bytes[at + 1] ?? 0);
}

/** PNG: the first chunk is IHDR (13 bytes): width, height, then a valid bit depth and colour type. */
function pngSize(bytes: Uint8Array): Size | undefined {
  const isIhdr = uint32(bytes, 8) === 13 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
  if (!isIhdr || bytes.length < 33) return undefined;
  const depth = bytes[24] ?? 0;
  const colour = bytes[25] ?? 0;
  const depths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
  if (!depths[colour]?.includes(depth)) return undefined;
  return { width: uint32(bytes, 16), height: uint32(bytes, 20) };
}

/** Start-of-frame markers (SOF0–SOF15 but DHT, JPG and DAC), which carry the frame's size. */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: walk the marker segments after SOI to the first start-of-frame. */
function jpegSize(bytes: Uint8Array): Size | undefined {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = uint16(bytes, at + 2);
    if (length < 2) return undefined;
    if (SOF_MARKERS.has(marker)) return at + 9 <= bytes.length ? { height: uint16(bytes, at + 5), width: uint16(bytes, at + 7) } : undefined;
    at += 2 + length;
  }
  return undefined;
}

/** What is wrong with an emblem given as base64, or undefined when it is a usable PNG or JPEG. */
export function emblemIssue(base64: string): EmblemIssue | undefined {
  const bytes = decodeBase64(base64);
  if (!bytes) return 'validation.emblem.notBase64';
  if (bytes.length > EMBLEM_MAX_BYTES) return 'validation.emblem.tooLarge';
  const isPng = startsWith(bytes, PNG_SIGNATURE);
  const isJpeg = startsWith(bytes, [0xff, 0xd8, 0xff]);
  if (!isPng && !isJpeg) return 'validation.emblem.notPngOrJpeg';
  const size = isPng ? pngSize(bytes) : jpegSize(bytes);
  if (!size) return 'validation.emblem.damaged';
  const { width, height } = size;
  if (width < 1 || height < 1 || width > EMBLEM_MAX_SIDE || height > EMBLEM_MAX_SIDE || width * height > EMBLEM_MAX_PIXELS) return 'validation.emblem.dimensions';
  return undefined;
}
