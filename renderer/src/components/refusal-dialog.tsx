import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../shared/contract/errors.js';
import { ErrorAlert } from './error-alert.js';

/** Form fields a refusal cannot be registered without, by the label the administrator sees. */
const FIELD_LABELS: Record<string, string> = { signatoryId: 'ui.issue.signatory' };

/**
 * What stops a refusal before main is asked (e.g. no signatory chosen), said inside the refusal's
 * own dialog: the fields' own messages are behind it and cannot be seen.
 */
export function incompleteFormError(errors: FieldErrors<FieldValues>): DeskError {
  const details = Object.keys(errors).map((field) => ({ path: field, messageKey: FIELD_LABELS[field] ?? 'deskHead.refusalOtherFields' }));
  const unique = details.filter((detail, index) => details.findIndex((other) => other.messageKey === detail.messageKey) === index);
  return new DeskError('invalid_input', 'deskHead.refusalFormIncomplete', undefined, unique);
}

/**
 * The one confirmation every refusal passes (issue screen and certification screen): the grounds it
 * will be registered with, R7.16 when asked, and main's or the form's refusal shown in the dialog.
 */
export function RefusalDialog({
  opened,
  grounds,
  factNotConfirmable,
  onFactNotConfirmable,
  failure,
  busy,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  grounds: readonly string[];
  factNotConfirmable: boolean;
  onFactNotConfirmable: (checked: boolean) => void;
  failure: DeskError | null;
  busy: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal closeButtonProps={{ 'aria-label': t('ui.common.close') }} opened={opened} onClose={onClose} title={t('ui.refusal.title')} size="lg">
      <Stack>
        <Text>{t('ui.refusal.intro')}</Text>
        {grounds.length > 0 ? (
          <ul>
            {grounds.map((ground) => (
              <li key={ground}>{ground}</li>
            ))}
          </ul>
        ) : (
          <Text c="dimmed">{t('ui.refusal.nothingMissing')}</Text>
        )}
        <Checkbox checked={factNotConfirmable} onChange={(event) => onFactNotConfirmable(event.currentTarget.checked)} label={t('ui.refusal.factNotConfirmable')} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button color="red.9" loading={busy} disabled={grounds.length === 0 && !factNotConfirmable} onClick={onConfirm}>
            {t('ui.refusal.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
