import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/** poppler-utils wrappers for the document tests. */

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PageBox {
  width: number;
  height: number;
}

export function pdfText(file: string, opts: { raw?: boolean; page?: number } = {}): string {
  const args = [...(opts.raw ? ['-raw'] : []), ...(opts.page ? ['-f', `${opts.page}`, '-l', `${opts.page}`] : []), file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

/**
 * Text in drawing order (`-raw`, which keeps a line-final hyphen), lines joined, runs of spaces
 * collapsed, and a word wrapped after its hyphen (Костянтинопольській-|Великомихайлівській) rejoined.
 */
export function flatText(file: string, page?: number): string {
  return pdfText(file, { raw: true, ...(page ? { page } : {}) })
    .replace(/(\p{L})-[ \t]*\n\s*/gu, '$1-')
    .replace(/\s+/g, ' ');
}

export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

export function wordBoxes(file: string): { pages: PageBox[]; words: WordBox[] } {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: PageBox[] = [];
  const words: WordBox[] = [];
  const token = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(token)) {
    if (m[1]) {
      pages.push({ width: Number(m[1]), height: Number(m[2]) });
      continue;
    }
    words.push({
      page: pages.length,
      text: decodeEntities(m[7] ?? ''),
      xMin: Number(m[3]),
      yMin: Number(m[4]),
      xMax: Number(m[5]),
      yMax: Number(m[6]),
    });
  }
  return { pages, words };
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

export interface FontRow {
  name: string;
  type: string;
  embedded: string;
}

export function pdfFonts(file: string): FontRow[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type... encoding emb sub uni id gen: emb is the fifth column from the end.
      return { name: cols[0] ?? '', type: cols.slice(1, -6).join(' '), embedded: cols.at(-5) ?? '' };
    });
}

/** Words of one page whose left edge lies in [left, right), read top to bottom, left to right. */
export function columnText(words: WordBox[], page: number, left: number, right: number): string {
  return words
    .filter((w) => w.page === page && w.xMin >= left && w.xMin < right)
    .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    .map((w) => w.text)
    .join(' ')
    .replace(/-\s+/g, '-');
}

export interface PdfObject {
  /** The object's dictionary (or value) as written. */
  dict: string;
  /** Its stream, inflated when FlateDecode. */
  stream?: Buffer;
}

/**
 * The objects and trailer of a PDF pdfkit wrote (no object streams, no incremental updates), for
 * checks poppler's tools do not print: output intents, ExtGStates, soft masks.
 */
export function pdfObjects(file: string): { objects: Map<number, PdfObject>; trailer: string } {
  const text = readFileSync(file).toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
    const body = match[2] ?? '';
    const at = body.indexOf('\nstream\n');
    if (at < 0) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const raw = Buffer.from(body.slice(at + '\nstream\n'.length, body.lastIndexOf('\nendstream')), 'latin1');
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return { objects, trailer: text.slice(text.lastIndexOf('trailer')) };
}

/** The XMP packet as poppler reads it (`pdfinfo -meta`). */
export function xmpOf(file: string): string {
  return execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
}

/** The object a `N 0 R` reference in `dict` after `key` points at. */
export function referenced(objects: Map<number, PdfObject>, dict: string, key: string): PdfObject | undefined {
  const id = new RegExp(`/${key}\\s*\\[?\\s*(\\d+) 0 R`).exec(dict)?.[1];
  return id === undefined ? undefined : objects.get(Number(id));
}

/**
 * The QR codes on a PDF's pages as a scanner reads them: every page rendered at 200 dpi by
 * pdftoppm, then zbarimg (zbar-tools) — the reader that took a UTF-8 «С.С.» for Shift JIS.
 */
export function scanQrCodes(file: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'qr-scan-'));
  execFileSync('pdftoppm', ['-png', '-r', '200', file, join(dir, 'page')]);
  return readdirSync(dir)
    .sort()
    .flatMap((png) => {
      // zbarimg exits with 4 when a page has no code at all.
      const result = spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', join(dir, png)], { encoding: 'utf8' });
      if (result.status !== 0 && result.status !== 4) throw new Error(`zbarimg failed on ${png}: ${result.stderr}`);
      return result.stdout.split('\n').filter((line) => line.trim() !== '');
    });
}
