import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomKind } from '../../../../shared/rules/catalogue.js';
import { sampleTemplateGrammar, sampleTemplateValues } from '../../../../shared/rules/template-samples.js';
import { parseTemplate, placeholdersFor, renderTemplate } from '../../../../shared/rules/templates.js';

/**
 * The edited text as a citizen would read it, filled with sample data, checked by the same parser
 * that main applies on saving (unknown placeholders, characters the font cannot print).
 */
export function TemplatePreview({ kindId, text, customKinds }: { kindId: string; text: string; customKinds: readonly CustomKind[] }) {
  const { t } = useTranslation();
  const parsed = parseTemplate(text, placeholdersFor(kindId, customKinds));
  if (!parsed.ok) {
    return (
      <Alert color="red" title={t('ui.templates.previewInvalid')}>
        <List size="sm">
          {parsed.errors.map((error, index) => (
            <List.Item key={index}>{t(error.messageKey, error.params)}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  const body = renderTemplate(parsed.template, sampleTemplateValues, sampleTemplateGrammar);
  const table = <Text c="dimmed" fs="italic">{t('ui.templates.previewHousehold')}</Text>;
  return (
    <Paper withBorder p="md" aria-label={t('ui.templates.preview')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('ui.templates.preview')}
        </Title>
        {body.householdAt === -1 && table}
        {body.paragraphs.map((paragraph, index) => (
          <Stack key={index} gap="xs">
            <Text style={{ fontFamily: 'serif', textIndent: '2em', textAlign: 'justify' }}>{paragraph}</Text>
            {body.householdAt === index && table}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
