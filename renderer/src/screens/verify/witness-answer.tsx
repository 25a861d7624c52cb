import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskOutput } from '../../desk/contract.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';

type Verdict = Extract<DeskOutput<'documents.verify'>, { status: 'witness' }>['witness'];

const verdictColor = { held: 'green', held_fault_later: 'orange', changed: 'red', unknown: 'gray' } as const;

/**
 * A journal page's witness code (its footer) answered in plain words: does the register still hold
 * exactly what that signed page witnessed (R7.7)?
 */
export function WitnessAnswer({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const page = {
    index: verdict.journalIndex ?? '',
    office: verdict.officeCode ?? '',
    number: verdict.printedNumber ?? '',
    date: verdict.localDate ? formatDate(verdict.localDate) : '',
  };
  const fault = verdict.fault;
  return (
    <Alert color={verdictColor[verdict.state]} variant="light" title={t(`ui.verify.witness.title.${verdict.state}`)} role="status">
      {verdict.state === 'unknown' ? (
        <Text>{t('ui.verify.witness.unknown')}</Text>
      ) : (
        <Text>{t(verdict.localDate ? 'ui.verify.witness.page' : 'ui.verify.witness.pageSigned', { ...page, at: verdict.signedAt ? formatDateTime(verdict.signedAt) : '' })}</Text>
      )}
      {verdict.state === 'held' && (
        <Text mt="xs">{verdict.checkpointAt ? t('ui.verify.witness.heldSigned', { at: formatDateTime(verdict.checkpointAt) }) : t('ui.verify.witness.held')}</Text>
      )}
      {verdict.state === 'held_fault_later' && <Text mt="xs">{t('ui.verify.witness.heldFaultLater')}</Text>}
      {verdict.state === 'changed' && <Text mt="xs">{t('ui.verify.witness.changed')}</Text>}
      {fault && (
        <Text mt="xs">
          {t('ui.verify.witness.fault', {
            number: fault.entryId === null ? fault.printedNumber : (fault.missingPrintedNumber ?? fault.printedNumber),
            what: t(`ui.health.reasons.${fault.reason}`),
          })}
        </Text>
      )}
    </Alert>
  );
}
