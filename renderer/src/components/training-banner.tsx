import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A training register is marked on every screen so nobody mistakes it for the real one. */
export function TrainingBanner({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  if (!visible) return null;
  return (
    <Box bg="yellow.3" py={4} role="status">
      <Text ta="center" fw={800} c="dark.9" size="lg">
        {t('ui.app.trainingMode')}
      </Text>
    </Box>
  );
}
