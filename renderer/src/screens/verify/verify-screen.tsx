import { useState } from 'react';
import { Alert, Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../../shared/contract/errors.js';
import type { DeskOutput } from '../../desk/contract.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useKindTitle } from '../../components/entry-summary.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { asDeskError } from '../../stores/session-store.js';
import { WitnessAnswer } from './witness-answer.js';

type Verification = DeskOutput<'documents.verify'>;

const statusColor = { valid: 'green', annulled: 'orange', forged: 'red', unknown: 'gray' } as const;


/** Not in the register: a remote office's paper whose bundle has not come yet is named as such. */
function unknownText(result: Extract<Verification, { status: 'unknown' }>, t: TFunction): string {
  const { awaiting } = result;
  if (!awaiting) return t('ui.verify.unknownHint');
  const names = { office: awaiting.officeName, code: awaiting.officeCode };
  return awaiting.lastBundleAt ? t('ui.verify.awaiting', { ...names, date: formatDateTime(awaiting.lastBundleAt) }) : t('ui.verify.awaitingFirst', names);
}

/** Checks a paper by the short code printed on it or the text of its QR code. */
export function VerifyScreen() {
  const { t } = useTranslation();
  const kindTitle = useKindTitle();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Verification | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      setResult(await desk.call('documents.verify', { text: text.trim() }));
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={860}>
      <Title order={1} size="h2">
        {t('ui.verify.title')}
      </Title>
      <Text>{t('ui.verify.intro')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void verify();
        }}
      >
        <Stack>
          <Textarea label={t('ui.verify.code')} description={t('ui.verify.codeHint')} value={text} onChange={(event) => setText(event.currentTarget.value)} autosize minRows={2} maxRows={6} />
          <Group>
            <Button type="submit" loading={busy} disabled={text.trim().length === 0}>
              {t('ui.verify.check')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ErrorAlert error={failure} />
      {result?.status === 'witness' && <WitnessAnswer verdict={result.witness} />}
      {result && result.status !== 'witness' && (
        <Alert color={statusColor[result.status]} variant="light" title={t(`ui.verify.status.${result.status}`)} role="status">
          {result.status === 'forged' && <Text>{t(`ui.verify.forgery.${result.reason}`)}</Text>}
          {result.status === 'unknown' && <Text>{unknownText(result, t)}</Text>}
          {(result.status === 'valid' || result.status === 'annulled') && (
            <Table mt="xs" variant="vertical" layout="fixed">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={220}>{t('ui.entry.number')}</Table.Th>
                  <Table.Td>{result.entry.printedNumber}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('ui.entry.date')}</Table.Th>
                  <Table.Td>{formatDate(result.entry.date)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('ui.verify.initials')}</Table.Th>
                  <Table.Td>{result.entry.initials}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('ui.entry.kinds')}</Table.Th>
                  <Table.Td>{`${t(`ui.sort.${result.entry.sort}`)}: ${result.entry.kinds.map(kindTitle).join('; ')}`}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('ui.entry.journal')}</Table.Th>
                  <Table.Td>{`${result.entry.journalIndex} (${result.entry.officeCode})`}</Table.Td>
                </Table.Tr>
                {result.status === 'annulled' && (
                  <Table.Tr>
                    <Table.Th>{t('ui.entry.annulment')}</Table.Th>
                    <Table.Td>{`${formatDateTime(result.annulledAt)}${result.replacedBy ? ` — ${t('ui.verify.replacedBy', { number: result.replacedBy })}` : ''}`}</Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          )}
        </Alert>
      )}
    </Stack>
  );
}
