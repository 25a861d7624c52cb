import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.js';
import { useIssueStore } from './issue-store.js';

/**
 * «Взято з довідки № … від …»: data carried in from an earlier entry (a reissue, a known person or
 * household) wait for the administrator, who confirms them — the documents presented anew (R7.4) —
 * or clears them.
 */
export function CarriedNotice() {
  const { t } = useTranslation();
  const carried = useIssueStore((state) => state.carried);
  const confirm = useIssueStore((state) => state.confirmCarried);
  const clear = useIssueStore((state) => state.clearCarried);
  if (!carried) return null;
  const { from } = carried;
  const source = { number: from.printedNumber, date: formatDate(from.localDate) };
  if (carried.confirmed) {
    return (
      <Alert color="green" variant="light" role="status">
        {t('ui.carried.confirmed', source)}
      </Alert>
    );
  }
  const title = t('ui.carried.title', source);
  return (
    <Alert color="blue" variant="light" title={title} role="region" aria-label={title}>
      <Text size="sm">{t(`ui.carried.${from.reason}`)}</Text>
      <Group mt="sm" gap="sm">
        <Button size="sm" onClick={confirm}>
          {t('ui.carried.confirm')}
        </Button>
        <Button size="sm" variant="default" onClick={clear}>
          {from.reason === 'reissue' ? t('ui.carried.clearDocuments') : t('ui.carried.clear')}
        </Button>
      </Group>
    </Alert>
  );
}
