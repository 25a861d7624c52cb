import type { EntryRecord } from '../../../../shared/domain/entry.js';
import { refusalGroundOf } from '../../../../shared/rules/refusal-grounds.js';
import { rulePoint } from '../../../../shared/rules/rule-point.js';

export const reportGroupings = ['kind', 'office', 'administrator', 'month', 'refusalGround'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];

export interface ReportRow {
  key: string;
  certificates: number;
  certifications: number;
  refusals: number;
  annulled: number;
  total: number;
}

/** The keys an entry counts under for a grouping (a combined certificate counts once per kind, R7.2). */
function keysOf(entry: EntryRecord, grouping: ReportGrouping): string[] {
  switch (grouping) {
    case 'kind':
      return entry.kinds;
    case 'office':
      return [entry.officeCode];
    case 'administrator':
      return [entry.createdBy.fullName];
    case 'month':
      return [entry.localDate.slice(0, 7)];
    case 'refusalGround':
      return entry.content.sort === 'refusal' ? [...new Set(entry.content.grounds.map((ground) => ground.ruleId))] : [];
  }
}

/** Counts of the period's entries per group, by sort; annulled entries are counted apart, never dropped. */
export function aggregate(entries: readonly EntryRecord[], grouping: ReportGrouping): ReportRow[] {
  const rows = new Map<string, ReportRow>();
  for (const entry of entries) {
    for (const key of keysOf(entry, grouping)) {
      const row = rows.get(key) ?? { key, certificates: 0, certifications: 0, refusals: 0, annulled: 0, total: 0 };
      if (entry.status === 'annulled') row.annulled += 1;
      else if (entry.sort === 'certificate') row.certificates += 1;
      else if (entry.sort === 'certification') row.certifications += 1;
      else row.refusals += 1;
      row.total += 1;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key, 'uk'));
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV as spreadsheet programs in Ukraine open it: semicolon-separated, UTF-8 with a byte-order mark
 * so Cyrillic is not garbled, CRLF line ends.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

export type PageFetcher = (page: number) => Promise<{ items: EntryRecord[]; total: number }>;

/** Reads every page of a search, reporting progress; stops early when `cancelled()` says so. */
export async function fetchAllPages(
  fetchPage: PageFetcher,
  onProgress: (loaded: number, total: number) => void,
  cancelled: () => boolean,
): Promise<EntryRecord[] | null> {
  const entries: EntryRecord[] = [];
  for (let page = 1; ; page += 1) {
    if (cancelled()) return null;
    const result = await fetchPage(page);
    entries.push(...result.items);
    onProgress(entries.length, result.total);
    if (result.items.length === 0 || entries.length >= result.total) return entries;
  }
}

/**
 * A chart label wrapped at word boundaries into at most `maxLines` lines of `perLine` characters,
 * the last one ending in «…» when the label is longer: long kind titles and grounds would
 * otherwise run into the neighbouring bars' labels.
 */
export function wrapLabel(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = current ? `${current} ${word}` : word;
    if (joined.length <= perLine || !current) {
      current = joined;
      continue;
    }
    lines.push(current);
    current = word;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines && lines.every((line) => line.length <= perLine)) return lines;
  const kept = lines.slice(0, maxLines).map((line) => (line.length > perLine ? line.slice(0, perLine) : line));
  const last = kept[kept.length - 1] ?? '';
  kept[kept.length - 1] = `${last.length >= perLine ? last.slice(0, perLine - 1).trimEnd() : last}…`;
  return kept;
}

/**
 * A refusal ground as a report names it: «п. 7.4.2 — не подано будинкову книгу …» (English in the
 * English interface, Ukrainian in the workbook), never the bare code; `cite` words the point.
 */
export function refusalGroundLabel(ruleId: string, cite: (point: string) => string, language: 'uk' | 'en'): string {
  const ground = refusalGroundOf(ruleId);
  const point = cite(rulePoint(ruleId));
  return ground ? `${point} — ${ground.wording[language]}` : point;
}
