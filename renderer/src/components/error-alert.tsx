import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/contract/errors.js';
import { errorText } from './error-text.js';

/** A DeskError in the user's language, with the fields or rules it names (its `details`). */
export function ErrorAlert({ error }: { error: DeskError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('ui.common.errorTitle')}>
      {errorText(t, error)}
      {error.details && error.details.length > 0 && (
        <List size="sm" mt="xs">
          {error.details.map((detail) => (
            <List.Item key={`${detail.path}:${detail.messageKey}`}>{t([detail.messageKey, 'ui.validation.invalid'], { ...(detail.params ?? {}) })}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
