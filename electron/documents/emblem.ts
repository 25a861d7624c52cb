import { inflateSync } from 'node:zlib';
import { decodeBase64, emblemIssue, type EmblemIssue } from '../../shared/domain/validation/image.js';

/**
 * Main's check of an emblem, beyond the shared one (signature, declared size): a PNG's image data
 * must also inflate to the rows its header declares. pdfkit inflates the pixels of a PNG with
 * transparency in a callback whose error it throws — a damaged file would not fail one document
 * but bring the process down — so such a file is refused when set and never reaches pdfkit.
 */
export function emblemProblem(base64: string): EmblemIssue | undefined {
  const issue = emblemIssue(base64);
  if (issue) return issue;
  const bytes = decodeBase64(base64);
  if (!bytes || bytes[0] !== 0x89) return undefined; // JPEG: embedded as it is, its frame header checked above.
  return pngDataInflates(Buffer.from(bytes)) ? undefined : 'validation.emblem.damaged';
}

let lastUsable: { base64: string; usable: boolean } | undefined;

/** Whether a stored emblem can be printed (remembered for the last one: every header asks). */
export function emblemUsable(base64: string): boolean {
  if (lastUsable?.base64 !== base64) lastUsable = { base64, usable: emblemProblem(base64) === undefined };
  return lastUsable.usable;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Adam7's seven passes (x start, y start, x step, y step); a plain image is one pass. */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
const PLAIN = [[0, 0, 1, 1]] as const;

/** Every row of every pass present, each starting with a filter byte PNG defines (0–4). */
function rowsAreWhole(pixels: Buffer, image: { width: number; height: number; bitsPerPixel: number; interlaced: boolean }): boolean {
  let at = 0;
  for (const [x0, y0, dx, dy] of image.interlaced ? ADAM7 : PLAIN) {
    const columns = Math.ceil((image.width - x0) / dx);
    const rows = Math.ceil((image.height - y0) / dy);
    if (columns <= 0 || rows <= 0) continue;
    const rowBytes = 1 + Math.ceil((columns * image.bitsPerPixel) / 8);
    for (let row = 0; row < rows; row++, at += rowBytes) {
      if (at + rowBytes > pixels.length || (pixels[at] ?? 0) > 4) return false;
    }
  }
  return true;
}

function pngDataInflates(png: Buffer): boolean {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const depth = png[24] ?? 8;
  const channels = CHANNELS[png[25] ?? 2] ?? 3;
  const interlaced = png[28] === 1;
  const data: Buffer[] = [];
  let sawEnd = false;
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > png.length) return false;
    if (type === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    at += 12 + length;
  }
  if (!sawEnd || data.length === 0) return false;
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(data));
  } catch {
    return false;
  }
  return rowsAreWhole(pixels, { width, height, bitsPerPixel: channels * depth, interlaced });
}
