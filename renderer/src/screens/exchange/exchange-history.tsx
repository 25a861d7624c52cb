import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExchangeLogItem } from '../../../../shared/contract/channels/exchange.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';

/** Packages written and accepted, newest first (R3.5: each office's history of exchanges). */
export function ExchangeHistory({ items }: { items: ExchangeLogItem[] }) {
  const { t } = useTranslation();
  const period = (item: ExchangeLogItem) =>
    item.periodFrom && item.periodTo ? `${formatDate(item.periodFrom)} – ${formatDate(item.periodTo)}` : '';
  return (
    <>
      <Title order={2} size="h4">
        {t('exchange.history.title')}
      </Title>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('exchange.history.at')}</Table.Th>
            <Table.Th>{t('exchange.history.direction')}</Table.Th>
            <Table.Th>{t('exchange.history.kind')}</Table.Th>
            <Table.Th>{t('exchange.history.sequence')}</Table.Th>
            <Table.Th>{t('exchange.history.period')}</Table.Th>
            <Table.Th>{t('exchange.history.file')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{formatDateTime(item.at)}</Table.Td>
              <Table.Td>{t(`exchange.history.${item.direction}`)}</Table.Td>
              <Table.Td>{t(`exchange.history.kinds.${item.kind}`)}</Table.Td>
              <Table.Td>{item.sequence}</Table.Td>
              <Table.Td>{period(item)}</Table.Td>
              <Table.Td>{item.fileName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
