import ExcelJS from 'exceljs';
import type { ReportTable } from '../../shared/contract/channels/reports.js';
import { formatPrintedDate } from '../../shared/domain/validation/dates.js';
import uk from '../../shared/i18n/reports.uk.js';

/** Rows 1–3 carry the title, the period and the creation time; row 4 stays empty; the table starts at row 5. */
export const REPORT_HEADER_ROW = 5;

const MIN_COLUMN_WIDTH = 8;
const MAX_COLUMN_WIDTH = 60;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };

function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The creation time as a Kyiv clock shows it, dd.MM.yyyy HH:mm (section E of the domain). */
function kyivDateTime(at: Date): string {
  return new Intl.DateTimeFormat('uk-UA', {
    timeZone: 'Europe/Kyiv',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(at)
    .replace(',', '');
}

/** Wide enough for the longest text of the column (headers wrap past the cap), never wider than the cap. */
function columnWidth(table: ReportTable, column: number): number {
  const lengths = [table.headers[column] ?? '', ...table.rows.map((row) => String(row[column] ?? ''))].map((text) => text.length);
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, ...lengths) + 2);
}

/** Left unmerged on purpose: a merged cell clips a long title, a lone one runs on over the empty cells beside it. */
function addHeading(sheet: ExcelJS.Worksheet, row: number, text: string, font: Partial<ExcelJS.Font>): void {
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = font;
}

function addTable(sheet: ExcelJS.Worksheet, table: ReportTable): void {
  const header = sheet.getRow(REPORT_HEADER_ROW);
  header.values = table.headers;
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const [index, cells] of table.rows.entries()) {
    const row = sheet.getRow(REPORT_HEADER_ROW + 1 + index);
    row.values = cells;
    // Numbers stay numbers, so the council's spreadsheet can sum them; only their display is grouped.
    // A label longer than its capped column (a refusal ground in words) wraps instead of being cut.
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') cell.numFmt = '#,##0';
      else cell.alignment = { vertical: 'top', wrapText: true };
    });
  }
  if (table.rows.length > 0) {
    sheet.autoFilter = { from: { row: REPORT_HEADER_ROW, column: 1 }, to: { row: REPORT_HEADER_ROW, column: table.headers.length } };
  }
}

/** A report as an XLSX workbook: one sheet, titled and dated in Ukrainian, with the table below. */
export async function reportWorkbook(table: ReportTable, createdAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = uk.reports.workbook.creator;
  workbook.created = createdAt;
  workbook.modified = createdAt;
  const sheet = workbook.addWorksheet(uk.reports.workbook.sheet, {
    views: [{ state: 'frozen', ySplit: REPORT_HEADER_ROW }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = table.headers.map((_header, column) => ({ width: columnWidth(table, column) }));
  addHeading(sheet, 1, table.title, { bold: true, size: 14 });
  const period = fill(uk.reports.workbook.period, { from: formatPrintedDate(table.dateFrom), to: formatPrintedDate(table.dateTo) });
  addHeading(sheet, 2, period, { size: 12 });
  addHeading(sheet, 3, fill(uk.reports.workbook.created, { at: kyivDateTime(createdAt) }), { italic: true, color: { argb: 'FF495057' } });
  addTable(sheet, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `report-kind` for 01–31 March 2026 → `report-kind-2026-03-01-2026-03-31.xlsx`. */
export function reportFileName(table: Pick<ReportTable, 'slug' | 'dateFrom' | 'dateTo'>): string {
  return `${table.slug}-${table.dateFrom}-${table.dateTo}.xlsx`;
}
