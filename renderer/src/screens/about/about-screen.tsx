import { Kbd, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../stores/index.js';

const shortcuts = [
  { keys: ['Alt', 'N'], action: 'newCertificate' },
  { keys: ['Alt', 'F'], action: 'search' },
  { keys: ['Ctrl', 'F'], action: 'search' },
  { keys: ['Ctrl', 'P'], action: 'print' },
  { keys: ['Enter'], action: 'nextField' },
  { keys: ['Tab'], action: 'tab' },
] as const;

export function AboutScreen() {
  const { t } = useTranslation();
  const info = useSessionStore((state) => state.appInfo);
  return (
    <Stack maw={820}>
      <Title order={1} size="h2">
        {t('ui.about.title')}
      </Title>
      <Text size="lg">{t('ui.about.purpose')}</Text>
      <Table withTableBorder variant="vertical" layout="fixed">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={280}>{t('ui.about.version')}</Table.Th>
            <Table.Td>{info?.version}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('ui.about.schemaVersion')}</Table.Th>
            <Table.Td>{info?.schemaVersion}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('ui.about.languages')}</Table.Th>
            <Table.Td>{info?.languages.join(', ')}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Title order={2} size="h3">
        {t('ui.about.shortcuts')}
      </Title>
      <Table withTableBorder striped>
        <Table.Tbody>
          {shortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.keys.join('+')}>
              <Table.Td w={200}>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' + '}
                    <Kbd>{key}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{t(`ui.about.shortcut.${shortcut.action}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text c="dimmed">{t('ui.about.rules')}</Text>
    </Stack>
  );
}
