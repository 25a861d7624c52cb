import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportsChannels, type ReportTable } from '../../../shared/contract/channels/reports.js';
import { roles } from '../../../shared/domain/roles.js';
import { reportsHandlers } from '../../../electron/app/handlers/reports.js';
import { createDispatcher } from '../../../electron/ipc/dispatch.js';
import type { SessionUser } from '../../../electron/register/services/session.js';
import { REPORT_HEADER_ROW, reportWorkbook } from '../../../electron/reports/xlsx.js';

const createdAt = new Date('2026-03-31T21:30:00Z');

const table: ReportTable = {
  title: 'Звіт за видом довідки',
  dateFrom: '2026-03-01',
  dateTo: '2026-03-31',
  slug: 'report-kind',
  headers: ['За видом', 'Довідки', 'Посвідчення', 'Відмови', 'Анульовані', 'Усього'],
  rows: [
    ['Довідка про склад сімʼї', 1204, 0, 17, 3, 1224],
    ['Довідка про здійснення особою поховання', 0, 58, 2, 0, 60],
    ['Довідка з місця реєстрації; «лапки» та "подвійні"', 7, 0, 0, 1, 8],
  ],
};

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

function cellValues(sheet: ExcelJS.Worksheet, row: number, columns: number): unknown[] {
  return Array.from({ length: columns }, (_unused, index) => sheet.getCell(row, index + 1).value);
}

describe('report workbook', () => {
  it('holds the title, the Kyiv-dated period and the table cell for cell, numbers as numbers', async () => {
    const sheet = await readBack(await reportWorkbook(table, createdAt));
    expect(sheet.name).toBe('Звіт');
    expect(sheet.getCell(1, 1).value).toBe(table.title);
    expect(sheet.getCell(2, 1).value).toBe('Період: з 01.03.2026 по 31.03.2026');
    // 21:30 UTC on 31 March is already 1 April in Kyiv (summer time, UTC+3).
    expect(sheet.getCell(3, 1).value).toBe('Сформовано 01.04.2026 00:30');
    expect(cellValues(sheet, REPORT_HEADER_ROW, table.headers.length)).toEqual(table.headers);
    for (const [index, row] of table.rows.entries()) {
      expect(cellValues(sheet, REPORT_HEADER_ROW + 1 + index, row.length)).toEqual(row);
      for (const [column, value] of row.entries()) {
        expect(sheet.getCell(REPORT_HEADER_ROW + 1 + index, column + 1).type).toBe(typeof value === 'number' ? ExcelJS.ValueType.Number : ExcelJS.ValueType.String);
      }
    }
    expect(sheet.rowCount).toBe(REPORT_HEADER_ROW + table.rows.length);
  });

  it('sizes every column to its longest text within the cap, and keeps the header in view', async () => {
    const sheet = await readBack(await reportWorkbook(table, createdAt));
    for (const [index, header] of table.headers.entries()) {
      const longest = Math.max(header.length, ...table.rows.map((row) => String(row[index]).length));
      const width = sheet.getColumn(index + 1).width ?? 0;
      expect(width).toBeGreaterThanOrEqual(Math.min(longest, 58));
      expect(width).toBeLessThanOrEqual(60);
    }
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: REPORT_HEADER_ROW });
    expect(sheet.getCell(REPORT_HEADER_ROW, 1).font?.bold).toBe(true);
  });

  it('wraps a refusal ground named in words past the column cap instead of cutting it (R7.4.2)', async () => {
    const ground = 'п. 7.4.2 — не подано будинкову книгу (приватний сектор) або поквартирні картки (багатоповерхові будинки)';
    const sheet = await readBack(await reportWorkbook({ ...table, slug: 'report-refusalGround', headers: ['За підставою', 'Відмови'], rows: [[ground, 3]] }, createdAt));
    expect(ground.length).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
    expect(sheet.getCell(REPORT_HEADER_ROW + 1, 1).value).toBe(ground);
    expect(sheet.getCell(REPORT_HEADER_ROW + 1, 1).alignment).toMatchObject({ wrapText: true });
  });

  it('round-trips any table within the channel’s bounds', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 40 }), fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }));
    const arbitraryTable = fc.integer({ min: 1, max: 6 }).chain((width) =>
      fc.record({
        headers: fc.array(fc.stringMatching(/^[А-ЯІЇЄҐа-яіїєґA-Za-z][А-ЯІЇЄҐа-яіїєґA-Za-z0-9 ]{0,20}$/), { minLength: width, maxLength: width }),
        rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(arbitraryTable, async ({ headers, rows }) => {
        const parsed = reportsChannels['reports.exportXlsx'].input.safeParse({ ...table, headers, rows });
        fc.pre(parsed.success);
        if (!parsed.success) return;
        const sheet = await readBack(await reportWorkbook(parsed.data, createdAt));
        expect(cellValues(sheet, REPORT_HEADER_ROW, headers.length)).toEqual(parsed.data.headers);
        for (const [index, row] of parsed.data.rows.entries()) {
          // XLSX has no negative zero.
          const expected = row.map((value) => (Object.is(value, -0) ? 0 : value));
          expect(cellValues(sheet, REPORT_HEADER_ROW + 1 + index, row.length)).toEqual(expected);
        }
      }),
      { numRuns: 25 },
    );
  });
});

function sessionsOf(users: Record<string, SessionUser>) {
  return { userFor: (key: string) => users[key] ?? null };
}

describe('reports.exportXlsx through the dispatcher', () => {
  const users = Object.fromEntries(
    roles.map((role) => [role, { userId: role, login: role, fullName: `Користувач ${role}`, role, officeId: 'office' } satisfies SessionUser]),
  );
  const dispatcher = createDispatcher(reportsChannels, reportsHandlers({ now: () => createdAt }), sessionsOf(users));
  const call = (input: unknown, sessionKey: string) => dispatcher.dispatch('reports.exportXlsx', input, { sessionKey, transport: 'cli' });

  it.each(roles)('gives %s the workbook under a name with the period', async (role) => {
    const result = await call(table, role);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const value = result.value as { fileName: string; dataBase64: string };
    expect(value.fileName).toBe('report-kind-2026-03-01-2026-03-31.xlsx');
    const sheet = await readBack(Buffer.from(value.dataBase64, 'base64'));
    expect(cellValues(sheet, REPORT_HEADER_ROW + 1, table.headers.length)).toEqual(table.rows[0]);
  });

  it('refuses a caller who is not logged in', async () => {
    const result = await call(table, 'nobody');
    expect(result.ok ? null : result.error.code).toBe('unauthenticated');
  });

  it.each([
    ['a row of the wrong width', { ...table, rows: [['Довідка', 1]] }, 'errors.reports.rowWidth'],
    ['a reversed period', { ...table, dateFrom: '2026-04-01' }, 'errors.reports.periodReversed'],
    ['a date that does not exist', { ...table, dateTo: '2026-02-30' }, 'validation.date.invalid'],
    ['a file name outside ASCII', { ...table, slug: 'звіт' }, undefined],
    ['an unknown field', { ...table, sheet: 'x' }, undefined],
    ['too many rows', { ...table, rows: Array.from({ length: 5001 }, () => table.rows[0]) }, undefined],
  ])('refuses %s', async (_name, input, messageKey) => {
    const result = await call(input, 'head');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    if (messageKey) expect(result.error.details?.map((detail) => detail.messageKey)).toContain(messageKey);
  });
});
