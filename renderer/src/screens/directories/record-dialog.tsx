import type { ReactNode } from 'react';
import { Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RecordForm } from '../../components/form/record-form.js';

type RecordFormProps<S extends z.ZodType> = Parameters<typeof RecordForm<S>>[0];

/**
 * A change to one directory row, asked in a dialog: what the change means (`explanation`), the
 * fields checked by the channel's own schema, and main's refusal shown inside the dialog.
 */
export function RecordDialog<S extends z.ZodType>({
  title,
  explanation,
  onClose,
  ...form
}: Omit<RecordFormProps<S>, 'onCancel'> & { title: string; explanation?: ReactNode; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal closeButtonProps={{ 'aria-label': t('ui.common.close') }} opened onClose={onClose} title={title} size="lg">
      {explanation && <Text mb="sm">{explanation}</Text>}
      <RecordForm<S> columns={1} {...form} onCancel={onClose} />
    </Modal>
  );
}
