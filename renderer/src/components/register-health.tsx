import { useEffect, useState } from 'react';
import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/contract/errors.js';
import type { OutputOf } from '../../../shared/contract/define.js';
import type { Contract } from '../../../shared/contract/index.js';
import { desk } from '../desk/client.js';
import { asDeskError } from '../stores/session-store.js';
import { ErrorAlert } from './error-alert.js';
import { RestoreDialog } from './restore-dialog.js';

type Health = OutputOf<Contract['register.health']>;
type JournalHealth = Health['journals'][number];
type SchemaFault = NonNullable<Health['schema']>['faults'][number];
type Backups = OutputOf<Contract['backup.list']>;

const POLL_MS = 2000;
const isSettled = (health: Health) => health.journals.every((journal) => journal.state !== 'pending' && journal.state !== 'running');

/** The start-up checks run in the background; poll until every journal has its verdict. */
function useRegisterHealth(): [Health | null, (health: Health) => void] {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      desk
        .call('register.health', {})
        .then((next) => {
          if (stopped) return;
          setHealth(next);
          if (!isSettled(next) || next.quickCheck === null) timer = setTimeout(poll, POLL_MS);
        })
        .catch(() => undefined);
    };
    poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, []);
  return [health, setHealth];
}

/**
 * Shown over every screen when the start-up integrity check or a journal's chain fails (R7.7: an
 * entry never changes unnoticed): what failed and where, the journal kept read-only, and for the head the decision and
 * a restore from a backup.
 */
export function RegisterHealthBanner({ isHead }: { isHead: boolean }) {
  const { t } = useTranslation();
  const [health, setHealth] = useRegisterHealth();
  if (!health) return null;
  const damagedFile = health.quickCheck !== null && !health.quickCheck.ok;
  const badJournals = health.journals.filter((journal) => journal.state === 'bad');
  const schemaFaults = health.schema?.faults ?? [];
  if (!damagedFile && badJournals.length === 0 && schemaFaults.length === 0) return null;
  const replace = (updated: JournalHealth) =>
    setHealth({ ...health, journals: health.journals.map((journal) => (journal.journalId === updated.journalId ? updated : journal)) });
  return (
    <Alert color="red" title={t('ui.health.title')} role="alert" mb="md">
      <Stack gap="sm">
        {damagedFile && <Text>{t('ui.health.fileDamaged')}</Text>}
        {schemaFaults.length > 0 && <SchemaFaults faults={schemaFaults} />}
        {badJournals.map((journal) => (
          <BadJournal key={journal.journalId} journal={journal} isHead={isHead} onDecided={replace} />
        ))}
        {isHead ? <RestoreFromBackup /> : <Text size="sm">{t('ui.health.callHead')}</Text>}
      </Stack>
    </Alert>
  );
}

/** Triggers and constraints missing or changed, in words (the journals are read-only meanwhile). */
function SchemaFaults({ faults }: { faults: readonly SchemaFault[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={600}>{t('schemaCheck.title')}</Text>
      <List size="sm">
        {faults.map((fault) => (
          <List.Item key={`${fault.kind}:${fault.name}`}>
            {t(`schemaCheck.fault.${fault.problem}`, {
              what: t(`schemaCheck.${fault.problem === 'missing' ? 'genitive' : 'accusative'}.${fault.kind}`),
              name: fault.name,
              table: fault.table,
            })}
          </List.Item>
        ))}
      </List>
      <Text size="sm">{t('schemaCheck.readOnly')}</Text>
    </Stack>
  );
}

function BadJournal({ journal, isHead, onDecided }: { journal: JournalHealth; isHead: boolean; onDecided: (journal: JournalHealth) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<DeskError | null>(null);
  const firstBad = journal.result && !journal.result.ok ? journal.result.firstBad : null;
  const decide = async (decision: 'keep_read_only' | 'resume_writing') => {
    setFailure(null);
    try {
      onDecided(await desk.call('register.acknowledgeTamper', { journalId: journal.journalId, decision, note }));
    } catch (caught) {
      setFailure(asDeskError(caught));
    }
  };
  return (
    <Stack gap={4}>
      <Text fw={600}>
        {t('ui.health.journalBad', {
          journal: `${journal.journalIndex} (${journal.officeCode})`,
          number: firstBad?.printedNumber ?? `${firstBad?.year ?? ''}/${firstBad?.number ?? ''}`,
          reason: t(`ui.health.reasons.${firstBad?.reason ?? 'hash_mismatch'}`),
        })}
      </Text>
      {journal.readOnly && <Text size="sm">{t('ui.health.readOnly')}</Text>}
      {journal.acknowledgement && <Text size="sm">{t('ui.health.decided')}</Text>}
      {isHead && journal.readOnly && !journal.acknowledgement && (
        <Stack gap={4}>
          <Textarea label={t('ui.health.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} />
          <Group>
            <Button size="sm" color="red" variant="light" disabled={!note.trim()} onClick={() => void decide('keep_read_only')}>
              {t('ui.health.keepReadOnly')}
            </Button>
            <Button size="sm" variant="default" disabled={!note.trim()} onClick={() => void decide('resume_writing')}>
              {t('ui.health.resume')}
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorAlert error={failure} />
    </Stack>
  );
}

function RestoreFromBackup() {
  const { t } = useTranslation();
  const [backups, setBackups] = useState<Backups | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  // The restore is a job with progress; its dialog asks first and shows the outcome.
  const [restoring, setRestoring] = useState<string | null>(null);
  const load = () => desk.call('backup.list', {}).then(setBackups).catch((caught: unknown) => setFailure(asDeskError(caught)));
  if (!backups) {
    return (
      <Group>
        <Button size="sm" variant="default" onClick={() => void load()}>
          {t('ui.health.offerRestore')}
        </Button>
        <ErrorAlert error={failure} />
      </Group>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm">{backups.items.length > 0 ? t('ui.health.chooseBackup') : t('ui.health.noBackups')}</Text>
      <List size="sm">
        {backups.items.slice(0, 10).map((backup) => (
          <List.Item key={backup.name}>
            <Group gap="xs">
              <Text size="sm">{backup.name}</Text>
              <Button size="compact-sm" variant="light" disabled={restoring !== null} onClick={() => setRestoring(backup.name)}>
                {t('ui.health.restore')}
              </Button>
            </Group>
          </List.Item>
        ))}
      </List>
      <ErrorAlert error={failure} />
      {restoring && <RestoreDialog name={restoring} onClose={() => setRestoring(null)} onCancelled={() => void load()} />}
    </Stack>
  );
}
