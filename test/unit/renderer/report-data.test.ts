import { describe, expect, it } from 'vitest';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import { aggregate, fetchAllPages, refusalGroundLabel, toCsv, wrapLabel } from '../../../renderer/src/screens/reports/report-data.js';

function entry(partial: { sort: EntryRecord['sort']; kinds: string[]; status?: EntryRecord['status']; office?: string; by?: string; date?: string; grounds?: string[] }): EntryRecord {
  const content =
    partial.sort === 'refusal' ? { sort: 'refusal', grounds: (partial.grounds ?? []).map((ruleId) => ({ ruleId, text: ruleId })) } : { sort: partial.sort };
  return {
    sort: partial.sort,
    kinds: partial.kinds,
    status: partial.status ?? (partial.sort === 'refusal' ? 'refused' : 'issued'),
    officeCode: partial.office ?? 'CNAP',
    createdBy: { userId: 'u', fullName: partial.by ?? 'Петренко О. І.' },
    localDate: partial.date ?? '2026-03-02',
    content,
  } as unknown as EntryRecord;
}

describe('report aggregation', () => {
  const entries = [
    entry({ sort: 'certificate', kinds: ['family', 'registration'] }),
    entry({ sort: 'certificate', kinds: ['family'], status: 'annulled', office: 'SHAL' }),
    entry({ sort: 'certification', kinds: ['committee_burial'], office: 'SHAL', date: '2026-02-27' }),
    entry({ sort: 'refusal', kinds: ['family'], grounds: ['R7.4.2', 'R7.4.2', 'R7.16'] }),
  ];

  it('counts a combined certificate once per kind (R7.2) and annulled entries apart', () => {
    const family = aggregate(entries, 'kind').find((row) => row.key === 'family');
    expect(family).toEqual({ key: 'family', certificates: 1, certifications: 0, refusals: 1, annulled: 1, total: 3 });
  });

  it('groups by office, month and refusal ground', () => {
    expect(aggregate(entries, 'office').map((row) => [row.key, row.total])).toEqual([['CNAP', 2], ['SHAL', 2]]);
    expect(aggregate(entries, 'month').map((row) => row.key).sort()).toEqual(['2026-02', '2026-03']);
    expect(aggregate(entries, 'refusalGround').map((row) => [row.key, row.refusals]).sort()).toEqual([['R7.16', 1], ['R7.4.2', 1]]);
  });
});

describe('CSV export', () => {
  it('is semicolon-separated UTF-8 with a BOM and quotes what needs quoting', () => {
    const csv = toCsv(['Вид', 'Усього'], [['Довідка про склад сімʼї; комбінована', 3], ['Лапки "так"', 1]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')).toEqual(['\uFEFFВид;Усього', '"Довідка про склад сімʼї; комбінована";3', '"Лапки ""так""";1', '']);
  });
});

describe('reading every page', () => {
  it('follows the pages until the total, and stops when cancelled', async () => {
    const all = Array.from({ length: 5 }, () => entry({ sort: 'certificate', kinds: ['family'] }));
    const pages = (page: number) => Promise.resolve({ items: all.slice((page - 1) * 2, page * 2), total: all.length });
    const progress: number[] = [];
    expect(await fetchAllPages(pages, (loaded) => progress.push(loaded), () => false)).toHaveLength(5);
    expect(progress).toEqual([2, 4, 5]);
    let calls = 0;
    const result = await fetchAllPages(pages, () => undefined, () => ++calls > 1);
    expect(result).toBeNull();
  });
});

describe('report labels', () => {
  const uk = (point: string) => `п. ${point}`;

  it('names a refusal ground in words with its point, never the bare code (R7.4.2, R7.6.6)', () => {
    expect(refusalGroundLabel('R7.4.2', uk, 'uk')).toBe('п. 7.4.2 — не подано будинкову книгу (приватний сектор) або поквартирні картки (багатоповерхові будинки)');
    expect(refusalGroundLabel('R7.6.6', (point) => `cl. ${point}`, 'en')).toBe("cl. 7.6.6 — the certificate's data (personal data) do not match the documents presented");
    // A refusal registered before grounds were chosen from the list, under a kind's own point (R7.1.4).
    expect(refusalGroundLabel('R7.1.4', uk, 'uk')).toBe('п. 7.1.4 — не подано документи, на підставі яких видається довідка цього виду');
  });

  it('wraps a long chart label into two lines at word boundaries, ending in «…» when cut', () => {
    const title = 'Довідка з місця реєстрації (про реєстрацію у житловому будинку осіб)';
    const lines = wrapLabel(title, 30, 2);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(title.startsWith(lines[0] ?? '')).toBe(true);
    expect(wrapLabel('Довідка про склад сімʼї', 30, 2)).toEqual(['Довідка про склад сімʼї']);
    expect(wrapLabel('2026-03', 30, 2)).toEqual(['2026-03']);
  });
});
