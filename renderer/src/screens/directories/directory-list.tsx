import type { ReactNode } from 'react';
import { Paper, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { RecordForm } from '../../components/form/record-form.js';

/** One column of a directory table: its heading and what a row shows in it. */
export interface DirectoryColumn<T> {
  readonly header: string;
  readonly cell: (item: T) => ReactNode;
}

/** The rows of a directory, one column per field. */
export function DirectoryTable<T extends { id: string }>({
  columns,
  items,
  striped = true,
  highlightOnHover = false,
}: {
  columns: readonly DirectoryColumn<T>[];
  items: readonly T[];
  striped?: boolean;
  highlightOnHover?: boolean;
}) {
  return (
    <Table striped={striped} highlightOnHover={highlightOnHover}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, index) => (
            <Table.Th key={index}>{column.header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id}>
            {columns.map((column, index) => (
              <Table.Td key={index}>{column.cell(item)}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A titled panel around a form that adds to a directory; `compact` in a narrow column. */
export function AddPanel({ title, compact = false, children }: { title: string; compact?: boolean; children: ReactNode }) {
  return (
    <Paper withBorder p={compact ? 'sm' : 'md'}>
      <Title order={2} size={compact ? 'h5' : 'h4'} mb={compact ? 'xs' : 'sm'}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

type RecordFormProps<S extends z.ZodType> = Parameters<typeof RecordForm<S>>[0];

/** The panel with the form that adds a row, checked by the channel's own schema; «Додати» unless told. */
export function AddRecordPanel<S extends z.ZodType>({
  title,
  compact = false,
  submitLabel,
  ...form
}: Omit<RecordFormProps<S>, 'submitLabel'> & { title: string; compact?: boolean; submitLabel?: string }) {
  const { t } = useTranslation();
  return (
    <AddPanel title={title} compact={compact}>
      <RecordForm<S> {...form} submitLabel={submitLabel ?? t('ui.common.add')} />
    </AddPanel>
  );
}

/** A directory tab: what failed to load, the table, and (for the head) the form that adds a row. */
export function DirectoryTab({ error, children, add }: { error: DeskError | null; children: ReactNode; add?: ReactNode }) {
  return (
    <Stack>
      <ErrorAlert error={error} />
      {children}
      {add}
    </Stack>
  );
}
