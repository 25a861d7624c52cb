import { useEffect, useState } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { desk } from '../../desk/client.js';
import { kyivToday } from '../../i18n/format.js';
import { useJournalStore } from './use-journal-store.js';

type Totals = Awaited<ReturnType<typeof desk.call<'journal.dayTotals'>>>;

/** Today's counts across the journals the user works in, refreshed after every search. */
export function DayTotals() {
  const { t } = useTranslation();
  const [totals, setTotals] = useState<Totals | null>(null);
  const items = useJournalStore((state) => state.items);
  useEffect(() => {
    let cancelled = false;
    desk
      .call('journal.dayTotals', { localDate: kyivToday() })
      .then((result) => !cancelled && setTotals(result))
      .catch(() => !cancelled && setTotals(null));
    return () => {
      cancelled = true;
    };
  }, [items]);
  if (!totals) return null;
  const sum = (pick: (row: Totals['journals'][number]) => number) => totals.journals.reduce((acc, row) => acc + pick(row), 0);
  return (
    <Group gap="xs" aria-label={t('ui.journal.todayTotals')} role="group">
      <Text size="sm" fw={600}>
        {t('ui.journal.todayTotals')}
      </Text>
      <Badge variant="light" size="lg">{t('ui.journal.totalCertificates', { value: sum((row) => row.certificates) })}</Badge>
      <Badge variant="light" size="lg">{t('ui.journal.totalCertifications', { value: sum((row) => row.certifications) })}</Badge>
      <Badge variant="light" color="orange" size="lg">{t('ui.journal.totalRefusals', { value: sum((row) => row.refusals) })}</Badge>
    </Group>
  );
}
