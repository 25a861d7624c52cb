import { z } from 'zod';
import { defineChannel } from '../define.js';
import { calendarDateSchema } from '../../domain/validation/dates.js';

/** Bounds of an exported report: a year of daily rows per kind fits; the bridge caps a request at 1 MB anyway. */
export const REPORT_MAX_COLUMNS = 12;
export const REPORT_MAX_ROWS = 5000;
const REPORT_MAX_TEXT = 300;

const cellSchema = z.union([z.string().max(REPORT_MAX_TEXT), z.number().finite()]);

export const reportTableSchema = z
  .object({
    /** The report's name, e.g. «Звіт за видом довідки»; the first row of the sheet. */
    title: z.string().trim().min(1).max(200),
    dateFrom: calendarDateSchema,
    dateTo: calendarDateSchema,
    /** ASCII stem of the saved file's name; the period is appended. */
    slug: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/),
    headers: z.array(z.string().trim().min(1).max(REPORT_MAX_TEXT)).min(1).max(REPORT_MAX_COLUMNS),
    rows: z.array(z.array(cellSchema).max(REPORT_MAX_COLUMNS)).max(REPORT_MAX_ROWS),
  })
  .strict()
  .refine((table) => table.dateFrom <= table.dateTo, { path: ['dateTo'], message: 'errors.reports.periodReversed' })
  .refine((table) => table.rows.every((row) => row.length === table.headers.length), {
    path: ['rows'],
    message: 'errors.reports.rowWidth',
  });
export type ReportTable = z.infer<typeof reportTableSchema>;

export const reportsChannels = {
  'reports.exportXlsx': defineChannel({
    input: reportTableSchema,
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
    // Reports read only what journal.search already shows the caller, so every logged-in role may export them.
    access: 'session',
    mutates: false,
    summary: 'A report table as an Excel workbook (XLSX): title and period rows, Ukrainian headers, numbers kept as numbers.',
  }),
} as const;
