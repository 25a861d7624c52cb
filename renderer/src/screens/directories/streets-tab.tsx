import { useState } from 'react';
import { Grid, Select, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { settlementInputSchema, streetInputSchema, streetKinds, streetLabel } from '../../../../shared/domain/directories.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useSessionStore } from '../../stores/index.js';
import { AddRecordPanel } from './directory-list.js';
import { useList } from './use-list.js';

/** Settlements of the hromada and their streets, the source of the address suggestions. */
export function StreetsTab() {
  const { t } = useTranslation();
  const isHead = useSessionStore((state) => state.user?.role === 'head');
  const settlements = useList(() => desk.call('directories.settlements.list', {}));
  const [settlementId, setSettlementId] = useState<string | null>(null);
  const streets = useList(() => (settlementId ? desk.call('directories.streets.list', { settlementId }) : Promise.resolve([])), settlementId ?? '');
  return (
    <Grid>
      <Grid.Col span={5}>
        <Stack>
          <ErrorAlert error={settlements.error} />
          <Select
            label={t('ui.directories.settlement')}
            data={settlements.items.map((settlement) => ({ value: settlement.id, label: `${settlement.name} (${t(`ui.directories.settlementKinds.${settlement.kind}`)})` }))}
            value={settlementId}
            onChange={setSettlementId}
            searchable
          />
          {isHead && (
            <AddRecordPanel
              title={t('ui.directories.addSettlement')}
              compact
              schema={settlementInputSchema}
              columns={1}
              defaults={{ kind: 'city', name: '', starostaDistrict: '' }}
              fields={[
                { name: 'kind', label: t('ui.directories.settlementKind'), kind: 'select', required: true, options: (['city', 'settlement', 'village'] as const).map((kind) => ({ value: kind, label: t(`ui.directories.settlementKinds.${kind}`) })) },
                { name: 'name', label: t('ui.directories.settlementName'), kind: 'text', required: true },
                { name: 'starostaDistrict', label: t('ui.directories.starostaDistrict'), kind: 'text' },
              ]}
              onSubmit={async (values) => {
                await desk.call('directories.settlements.save', values);
                await settlements.reload();
              }}
            />
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={7}>
        {settlementId && (
          <Stack>
            <ErrorAlert error={streets.error} />
            <Table striped>
              <Table.Tbody>
                {streets.items.map((street) => (
                  <Table.Tr key={street.id}>
                    <Table.Td>{streetLabel(street)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {isHead && (
              <AddRecordPanel
                title={t('ui.directories.addStreet')}
                compact
                key={settlementId}
                schema={streetInputSchema}
                defaults={{ settlementId, kind: 'street', name: '' }}
                fields={[
                  { name: 'kind', label: t('ui.directories.streetKind'), kind: 'select', required: true, options: streetKinds.map((kind) => ({ value: kind, label: t(`ui.directories.streetKinds.${kind}`) })) },
                  { name: 'name', label: t('ui.directories.streetName'), kind: 'text', required: true },
                ]}
                onSubmit={async (values) => {
                  await desk.call('directories.streets.save', values);
                  await streets.reload();
                }}
              />
            )}
          </Stack>
        )}
      </Grid.Col>
    </Grid>
  );
}
