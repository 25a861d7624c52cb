import { Alert, Button, Code, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleImportReportShape, ExchangeLogItem, ExchangeStatusShape, OfficesOverviewShape } from '../../../../shared/contract/channels/exchange.js';
import { DeskError } from '../../../../shared/contract/errors.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { desk } from '../../desk/client.js';
import { formatDate } from '../../i18n/format.js';
import { downloadPackage, readFileAsBase64 } from './exchange-files.js';
import { ExchangeHistory } from './exchange-history.js';
import { OfficesOverview } from './offices-overview.js';
import { RecreateWorkplace } from './recreate-workplace.js';

type RemoteStatus = Extract<ExchangeStatusShape, { mode: 'remote' }>;
type CentralStatus = Extract<ExchangeStatusShape, { mode: 'central' }>;

const COUNT_KEYS = ['entries', 'certificates', 'certifications', 'refusals', 'handovers', 'annulments', 'reissues', 'audit', 'alreadyPresent', 'supersededBundles', 'documentKeys'] as const;

/** Runs one exchange action: busy flag, the DeskError to show, and a message when it is done. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await work());
    } catch (caught) {
      setError(caught instanceof DeskError ? caught : new DeskError('internal'));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, done, run };
}

/** A plain file input: the Electron shell and the browser bridge both open the system's file dialog. */
function FilePick({ label, accept, disabled, onFile }: { label: string; accept: string; disabled: boolean; onFile: (file: File) => void }) {
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) onFile(file);
  };
  return (
    <label>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <input type="file" accept={accept} disabled={disabled} onChange={choose} aria-label={label} />
    </label>
  );
}

function ImportReport({ report }: { report: BundleImportReportShape }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <List size="sm">
        {COUNT_KEYS.filter((key) => (report.counts[key] ?? 0) > 0).map((key) => (
          <List.Item key={key}>{`${t(`exchange.counts.${key}`)}: ${report.counts[key] ?? 0}`}</List.Item>
        ))}
      </List>
      {report.journals.map((line) => (
        <Text size="sm" key={line.journalId}>
          {t('exchange.bundle.journalLine', { index: line.journalIndex, count: line.count, from: line.fromNumber ?? '—', to: line.toNumber ?? '—' })}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * Bundles written but not yet confirmed by the centre. Every bundle is cut from the last
 * confirmation, so writing the next one re-cuts them all: it replaces any that were lost.
 */
function unconfirmedBundles(status: RemoteStatus): { from: number; to: number } | null {
  const confirmed = status.acknowledged?.sequence ?? 0;
  const written = status.lastExport?.sequence ?? 0;
  return written > confirmed ? { from: confirmed + 1, to: written } : null;
}

function RemotePanel({ status, reload }: { status: RemoteStatus; reload: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const exportBundle = () =>
    action.run(async () => {
      const bundle = await desk.call('exchange.exportBundle', {});
      downloadPackage(bundle.dataBase64, bundle.fileName);
      reload();
      return t('exchange.bundle.exported', { sequence: bundle.sequence, fileName: bundle.fileName });
    });
  const unconfirmed = unconfirmedBundles(status);
  const importUpdates = (file: File) =>
    action.run(async () => {
      const result = await desk.call('exchange.importUpdates', { dataBase64: await readFileAsBase64(file, 'import-updates') });
      reload();
      return t(result.status === 'applied' ? 'exchange.updates.applied' : 'exchange.updates.alreadyApplied', { version: result.version });
    });
  return (
    <Stack>
      {status.warning && (
        <Alert color="orange" role="alert">
          {t('exchange.status.warning', { days: status.daysSinceAcknowledged, limit: status.warnAfterDays })}
        </Alert>
      )}
      {status.lastExport && <Text>{t('exchange.status.lastExport', { sequence: status.lastExport.sequence, date: formatDate(status.lastExport.at.slice(0, 10)) })}</Text>}
      <Text>{status.acknowledged ? t('exchange.status.acknowledged', { sequence: status.acknowledged.sequence }) : t('exchange.status.notAcknowledged')}</Text>
      {unconfirmed && <Text>{t('exchange.status.unconfirmed', unconfirmed)}</Text>}
      {status.witnessed.map((journal) => (
        <Text key={journal.journalId}>
          {t('exchange.witness.witnessed', { journal: journal.journalIndex, number: journal.printedNumber ?? '—', date: formatDate(journal.cosignedAt.slice(0, 10)) })}
        </Text>
      ))}
      <Group align="end">
        <Button onClick={() => void exportBundle()} loading={action.busy}>
          {t(unconfirmed ? 'exchange.status.recut' : 'exchange.bundle.export')}
        </Button>
        <FilePick label={t('exchange.updates.import')} accept=".cnapupdate" disabled={action.busy} onFile={(file) => void importUpdates(file)} />
      </Group>
      <ErrorAlert error={action.error} />
      {action.done && <Alert color="green">{action.done}</Alert>}
    </Stack>
  );
}

function CentralPanel({
  status,
  overview,
  officeId,
  onOffice,
  reload,
}: {
  status: CentralStatus;
  overview: OfficesOverviewShape | null;
  officeId: string | null;
  onOffice: (id: string | null) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const [passphrase, setPassphrase] = useState<string | null>(null);
  const [report, setReport] = useState<BundleImportReportShape | null>(null);
  const office = status.offices.find((candidate) => candidate.officeId === officeId);
  const officeOverview = overview?.offices.find((candidate) => candidate.officeId === officeId);
  const exportWorkplace = (id: string) =>
    action.run(async () => {
      const workplace = await desk.call('exchange.exportWorkplace', { officeId: id });
      downloadPackage(workplace.dataBase64, workplace.fileName);
      setPassphrase(workplace.passphrase);
      reload();
      return workplace.fileName;
    });
  const exportUpdates = (id: string) =>
    action.run(async () => {
      const update = await desk.call('exchange.exportUpdates', { officeId: id });
      downloadPackage(update.dataBase64, update.fileName);
      reload();
      return t('exchange.updates.exported', { version: update.version, ack: update.acknowledgedSequence });
    });
  const importBundle = (file: File) =>
    action.run(async () => {
      setReport(null);
      const result = await desk.call('exchange.importBundle', { fileName: file.name, dataBase64: await readFileAsBase64(file, 'import-bundle') });
      setReport(result);
      onOffice(result.officeId);
      reload();
      const key = result.status === 'imported' ? 'exchange.bundle.imported' : 'exchange.bundle.alreadyImported';
      return t(key, { sequence: result.sequence, office: result.officeCode });
    });
  return (
    <Stack>
      {overview && <OfficesOverview overview={overview} onOffice={onOffice} />}
      <FilePick label={t('exchange.bundle.import')} accept=".cnapbundle" disabled={action.busy} onFile={(file) => void importBundle(file)} />
      <Select
        label={t('exchange.office')}
        placeholder={t('exchange.chooseOffice')}
        data={status.offices.map((candidate) => ({ value: candidate.officeId, label: `${candidate.officeCode} — ${candidate.officeName}` }))}
        value={officeId}
        onChange={onOffice}
        maw={480}
      />
      {office && (
        <Stack gap="xs">
          <Text>
            {`${t('exchange.lastImport')}: ${office.lastImport ? `№ ${office.lastImport.sequence}` : t('exchange.none')} · ${t(office.joined ? 'exchange.joined' : 'exchange.notJoined')}`}
          </Text>
          {office.witnessFlags.map((flag) => (
            <Alert key={`${flag.journalId}-${flag.flaggedAt}`} color="red" role="alert">
              {t('exchange.witness.flagged', {
                journal: flag.journalIndex,
                sequence: flag.bundleSequence,
                date: formatDate(flag.flaggedAt.slice(0, 10)),
                what: t(`exchange.witness.${flag.reason}`),
                number: flag.printedNumber,
              })}
            </Alert>
          ))}
          <Group>
            {!office.joined && (
              <Button variant="default" onClick={() => void exportWorkplace(office.officeId)} loading={action.busy}>
                {t('exchange.workplace.export')}
              </Button>
            )}
            {office.joined && (
              <Button variant="default" onClick={() => void exportUpdates(office.officeId)} loading={action.busy}>
                {t('exchange.updates.export')}
              </Button>
            )}
            {officeOverview?.workplaceIssued && (
              <RecreateWorkplace office={officeOverview} run={action.run} busy={action.busy} onPassphrase={setPassphrase} />
            )}
          </Group>
        </Stack>
      )}
      {passphrase && (
        <Alert color="blue">
          <Text>{t('exchange.workplace.passphrase')}</Text>
          <Code fz="xl">{passphrase}</Code>
        </Alert>
      )}
      <ErrorAlert error={action.error} />
      {action.done && <Alert color="green">{action.done}</Alert>}
      {report && report.status === 'imported' && <ImportReport report={report} />}
    </Stack>
  );
}

/** R3.5: exchange with remote workplaces — at the centre, and on a remote desk. */
export function ExchangeScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ExchangeStatusShape | null>(null);
  const [overview, setOverview] = useState<OfficesOverviewShape | null>(null);
  const [history, setHistory] = useState<ExchangeLogItem[]>([]);
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [error, setError] = useState<DeskError | null>(null);

  const reload = useCallback(() => {
    void (async () => {
      try {
        const next = await desk.call('exchange.status', {});
        setStatus(next);
        if (next.mode === 'central') setOverview(await desk.call('exchange.offices', {}));
        const scope = next.mode === 'remote' ? {} : officeId ? { officeId } : {};
        setHistory((await desk.call('exchange.history', scope)).items);
      } catch (caught) {
        setError(caught instanceof DeskError ? caught : new DeskError('internal'));
      }
    })();
  }, [officeId]);

  useEffect(reload, [reload]);

  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        {t(status?.mode === 'remote' ? 'exchange.remoteTitle' : 'exchange.title')}
      </Title>
      <ErrorAlert error={error} />
      {status?.mode === 'remote' && <RemotePanel status={status} reload={reload} />}
      {status?.mode === 'central' && <CentralPanel status={status} overview={overview} officeId={officeId} onOffice={setOfficeId} reload={reload} />}
      <ExchangeHistory items={history} />
    </Stack>
  );
}
