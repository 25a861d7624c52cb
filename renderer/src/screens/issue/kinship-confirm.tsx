import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KinshipMismatch } from '../../../../shared/rules/kinship.js';

interface Props {
  mismatch: KinshipMismatch | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * R7.1.4: a kinship document that does not prove the kinship (a wife's birth certificate) is
 * issued only once the administrator says so; main refuses it otherwise.
 */
export function KinshipConfirm({ mismatch, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <Modal closeButtonProps={{ 'aria-label': t('ui.common.close') }} opened={mismatch !== null} onClose={onCancel} title={t('ui.issue.kinshipMismatchTitle')}>
      {mismatch && (
        <Stack>
          <Text>
            {t('ui.issue.kinshipMismatchText', {
              kinship: mismatch.kinship,
              expected: t(`rules.documentTypes.${mismatch.expected}`),
              presented: t(`rules.documentTypes.${mismatch.presented}`),
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('ui.common.cancel')}
            </Button>
            <Button color="orange" onClick={onConfirm}>
              {t('ui.issue.kinshipMismatchConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
