import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OfficesOverviewShape } from '../../../../shared/contract/channels/exchange.js';
import { formatDateTime } from '../../i18n/format.js';

type OfficeRow = OfficesOverviewShape['offices'][number];

/** R3.5 at the centre: every remote office's last bundle and confirmation, overdue ones marked. */
export function OfficesOverview({ overview, onOffice }: { overview: OfficesOverviewShape; onOffice: (officeId: string) => void }) {
  const { t } = useTranslation();
  const bundle = (office: OfficeRow) =>
    office.lastBundle
      ? t('exchange.overview.bundleLine', { sequence: office.lastBundle.sequence, at: formatDateTime(office.lastBundle.importedAt), entries: office.lastBundle.entries })
      : t('exchange.none');
  const confirmation = (office: OfficeRow) =>
    office.lastConfirmation
      ? t('exchange.overview.confirmationLine', { ack: office.lastConfirmation.acknowledgedSequence, at: formatDateTime(office.lastConfirmation.at) })
      : t('exchange.none');
  return (
    <>
      <Title order={2} size="h4">
        {t('exchange.overview.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('exchange.overview.rule', { days: overview.overdueAfterDays })}
      </Text>
      <Table withTableBorder striped highlightOnHover aria-label={t('exchange.overview.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('exchange.office')}</Table.Th>
            <Table.Th>{t('exchange.overview.lastBundle')}</Table.Th>
            <Table.Th>{t('exchange.overview.lastConfirmation')}</Table.Th>
            <Table.Th>{t('exchange.overview.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {overview.offices.map((office) => (
            <Table.Tr key={office.officeId} onClick={() => onOffice(office.officeId)} style={{ cursor: 'pointer' }}>
              <Table.Td>{`${office.officeCode} — ${office.officeName}`}</Table.Td>
              <Table.Td>{bundle(office)}</Table.Td>
              <Table.Td>{confirmation(office)}</Table.Td>
              <Table.Td>
                {!office.workplaceIssued ? (
                  <Text size="sm" c="dimmed">{t('exchange.overview.notSetUp')}</Text>
                ) : office.overdue ? (
                  <Text size="sm" c="red.8" fw={700}>{t('exchange.overview.overdue', { days: office.daysSinceBundle ?? 0 })}</Text>
                ) : (
                  <Text size="sm" c="green.8">{t('exchange.overview.onTime', { days: office.daysSinceBundle ?? 0 })}</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
