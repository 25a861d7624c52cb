import { useRef, useState } from 'react';
import { Button, Group, Paper, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EntryRecord } from '../../../../shared/domain/entry.js';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { DeskDateInput } from '../../components/form/date-input.js';
import { kindTitleWith, useKindTitle } from '../../components/entry-summary.js';
import { base64Blob, downloadBlob } from '../../components/pdf.js';
import { formatNumber, kyivToday } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import type { Language } from '../../i18n/languages.js';
import { asDeskError } from '../../stores/session-store.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { aggregate, fetchAllPages, refusalGroundLabel, reportGroupings, toCsv, wrapLabel, type ReportGrouping, type ReportRow } from './report-data.js';

const firstOfMonth = (today: string) => `${today.slice(0, 8)}01`;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const columns = ['certificates', 'certifications', 'refusals', 'annulled', 'total'] as const;

/** Each bar's row is tall enough for a two-line label, so neighbouring labels never overlap. */
const LABEL_WIDTH = 300;
const LABEL_LINE = 16;
const LABEL_CHARS = 38;
const CHART_ROW = 2 * LABEL_LINE + 16;
const CHART_CHROME = 90;

/** A category label in at most two lines, the full text in its tooltip (`<title>`). */
function CategoryTick({ x = 0, y = 0, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const text = payload?.value ?? '';
  const lines = wrapLabel(text, LABEL_CHARS, 2);
  const first = -((lines.length - 1) * LABEL_LINE) / 2 + 4;
  return (
    <text x={x - 6} y={y} textAnchor="end" fontSize={13} fill="#212529">
      <title>{text}</title>
      {lines.map((line, index) => (
        <tspan key={index} x={x - 6} dy={index === 0 ? first : LABEL_LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

type Translate = (key: string, options?: Record<string, string>) => string;


/** The report as a header and rows of cells, worded by the given translator. */
function reportCells(rows: readonly ReportRow[], grouping: ReportGrouping, translate: Translate, label: (key: string) => string) {
  return {
    headers: [translate(`ui.reports.groupings.${grouping}`), ...columns.map((column) => translate(`ui.reports.columns.${column}`))],
    rows: rows.map((row) => [label(row.key), ...columns.map((column) => row[column])]),
  };
}

/** Counts by kind, office, administrator and month, and refusals by ground, for a period; CSV and XLSX export. */
export function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const kindTitle = useKindTitle();
  const customKinds = useReferenceStore((state) => state.customKinds);
  const today = kyivToday();
  const [dateFrom, setDateFrom] = useState(firstOfMonth(today));
  const [dateTo, setDateTo] = useState(today);
  const [grouping, setGrouping] = useState<ReportGrouping>('kind');
  const [entries, setEntries] = useState<EntryRecord[] | null>(null);
  // The period the shown report was built for: exports name it even if the date fields changed since.
  const [period, setPeriod] = useState({ dateFrom, dateTo });
  const [exporting, setExporting] = useState(false);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const cancelled = useRef(false);

  const build = async () => {
    cancelled.current = false;
    setFailure(null);
    setProgress({ loaded: 0, total: 0 });
    try {
      const loaded = await fetchAllPages(
        (page) => desk.call('journal.search', { dateFrom, dateTo, page, pageSize: 100 }),
        (count, total) => setProgress({ loaded: count, total }),
        () => cancelled.current,
      );
      if (loaded) {
        setEntries(loaded);
        setPeriod({ dateFrom, dateTo });
      }
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setProgress(null);
    }
  };

  const labelWith = (titleOfKind: (kindId: string) => string, translate: Translate, words: Language) => (key: string) => {
    if (grouping === 'kind') return titleOfKind(key);
    return grouping === 'refusalGround' ? refusalGroundLabel(key, (point) => translate('ui.common.rulePoint', { point }), words) : key;
  };
  const label = labelWith(kindTitle, t, language);
  const rows = entries ? aggregate(entries, grouping) : [];

  const exportCsv = () => {
    const cells = reportCells(rows, grouping, t, label);
    downloadBlob(new Blob([toCsv(cells.headers, cells.rows)], { type: 'text/csv;charset=utf-8' }), `report-${grouping}-${period.dateFrom}-${period.dateTo}.csv`);
  };

  // The workbook goes to the council as is, so it is worded in Ukrainian whatever the interface language.
  const exportXlsx = async () => {
    const uk: Translate = i18n.getFixedT('uk');
    setExporting(true);
    setFailure(null);
    try {
      const file = await desk.call('reports.exportXlsx', {
        title: uk('ui.reports.workbookTitle'),
        ...period,
        slug: `report-${grouping}`,
        ...reportCells(rows, grouping, uk, labelWith(kindTitleWith(uk, customKinds), uk, 'uk')),
      });
      downloadBlob(base64Blob(file.dataBase64, XLSX_TYPE), file.fileName);
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('ui.reports.title')}
      </Title>
      <Group align="flex-end">
        <DeskDateInput label={t('ui.common.from')} value={dateFrom} onChange={setDateFrom} />
        <DeskDateInput label={t('ui.common.to')} value={dateTo} onChange={setDateTo} />
        <Button onClick={() => void build()} loading={progress !== null} disabled={dateFrom === '' || dateTo === '' || dateTo < dateFrom}>
          {t('ui.reports.build')}
        </Button>
        {progress && (
          <Button variant="default" onClick={() => (cancelled.current = true)}>
            {t('ui.common.cancel')}
          </Button>
        )}
        {entries && rows.length > 0 && (
          <>
            <Button variant="light" onClick={exportCsv}>
              {t('ui.reports.exportCsv')}
            </Button>
            <Button variant="light" onClick={() => void exportXlsx()} loading={exporting}>
              {t('ui.reports.exportXlsx')}
            </Button>
          </>
        )}
      </Group>
      {progress && progress.total > 0 && (
        <Stack gap={4}>
          <Progress value={(progress.loaded / progress.total) * 100} aria-label={t('ui.reports.loading')} />
          <Text size="sm">{t('ui.reports.progress', { loaded: formatNumber(progress.loaded, language), total: formatNumber(progress.total, language) })}</Text>
        </Stack>
      )}
      <ErrorAlert error={failure} />
      <SegmentedControl
        value={grouping}
        onChange={(value) => setGrouping(value as ReportGrouping)}
        data={reportGroupings.map((value) => ({ value, label: t(`ui.reports.groupings.${value}`) }))}
      />
      {entries && (
        <>
          <Text role="status">{t('ui.reports.summary', { formatted: formatNumber(entries.length, language) })}</Text>
          {rows.length > 0 && (
            <Paper withBorder p="sm" h={CHART_CHROME + rows.length * CHART_ROW}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={rows.map((row) => ({ ...row, name: label(row.key) }))} layout="vertical" margin={{ left: 24, right: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} tick={{ fontSize: 14 }} />
                  <YAxis type="category" dataKey="name" width={LABEL_WIDTH} interval={0} tick={<CategoryTick />} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="certificates" name={t('ui.reports.columns.certificates')} stackId="a" fill="#1864ab" />
                  <Bar dataKey="certifications" name={t('ui.reports.columns.certifications')} stackId="a" fill="#2b8a3e" />
                  <Bar dataKey="refusals" name={t('ui.reports.columns.refusals')} stackId="a" fill="#d9480f" />
                  <Bar dataKey="annulled" name={t('ui.reports.columns.annulled')} stackId="a" fill="#868e96" />
                </BarChart>
              </ResponsiveContainer>
            </Paper>
          )}
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`ui.reports.groupings.${grouping}`)}</Table.Th>
                {columns.map((column) => (
                  <Table.Th key={column} ta="right">
                    {t(`ui.reports.columns.${column}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>{label(row.key)}</Table.Td>
                  {columns.map((column) => (
                    <Table.Td key={column} ta="right">
                      {formatNumber(row[column], language)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
