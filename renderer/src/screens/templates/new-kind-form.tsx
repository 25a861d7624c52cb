import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, MultiSelect, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { documentTypes } from '../../../../shared/domain/documents.js';
import { customKindSchema } from '../../../../shared/rules/catalogue.js';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { DeskDateInput } from '../../components/form/date-input.js';
import { withoutBlanks } from '../../components/form/record-form.js';
import { useFieldError } from '../../components/field-error.js';
import { kyivToday } from '../../i18n/format.js';
import { asDeskError } from '../../stores/session-store.js';

interface GroundRow {
  requirementId: string;
  label: string;
  documentTypes: string[];
}

/** R7.15: a new kind after an executive committee decision — its No. and date, title, checklist and template. */
export function NewKindForm({ onDone }: { onDone: (kindId: string) => Promise<void> }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [sort, setSort] = useState<'issued' | 'certified'>('issued');
  const [needsHousehold, setNeedsHousehold] = useState(false);
  const [decisionNumber, setDecisionNumber] = useState('');
  const [decisionDate, setDecisionDate] = useState(kyivToday());
  const [grounds, setGrounds] = useState<GroundRow[]>([]);
  const [templateText, setTemplateText] = useState('');
  const [issues, setIssues] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);

  const setGround = (index: number, patch: Partial<GroundRow>) => setGrounds(grounds.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const submit = async () => {
    const parsed = customKindSchema.safeParse(
      withoutBlanks({ id: `custom:${slug.trim()}`, sort, title, needsHousehold, decision: { number: decisionNumber, date: decisionDate }, grounds }),
    );
    if (!parsed.success) {
      setIssues(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), fieldError({ message: issue.message, type: issue.code })])));
      return;
    }
    setIssues({});
    setBusy(true);
    setFailure(null);
    try {
      await desk.call('kinds.addCustom', { kind: parsed.data, templateText });
      await onDone(parsed.data.id);
    } catch (caught) {
      setFailure(asDeskError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('ui.templates.newKind')}
        </Title>
        <Text size="sm">{t('ui.templates.newKindHint')}</Text>
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={t('ui.templates.decisionNumber')} withAsterisk value={decisionNumber} onChange={(event) => setDecisionNumber(event.currentTarget.value)} error={issues['decision.number']} />
          <DeskDateInput label={t('ui.templates.decisionDate')} required value={decisionDate} onChange={setDecisionDate} error={issues['decision.date']} />
          <TextInput label={t('ui.templates.kindId')} description={t('ui.templates.kindIdHint')} withAsterisk value={slug} onChange={(event) => setSlug(event.currentTarget.value)} error={issues.id} />
        </SimpleGrid>
        <TextInput label={t('ui.templates.kindTitle')} withAsterisk value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={issues.title} />
        <Group>
          <Radio.Group label={t('ui.templates.sort')} value={sort} onChange={(value) => setSort(value === 'certified' ? 'certified' : 'issued')}>
            <Group mt="xs">
              <Radio value="issued" label={t('ui.templates.sortIssued')} />
              <Radio value="certified" label={t('ui.templates.sortCertified')} />
            </Group>
          </Radio.Group>
          <Checkbox mt="lg" label={t('ui.templates.needsHousehold')} checked={needsHousehold} onChange={(event) => setNeedsHousehold(event.currentTarget.checked)} />
        </Group>
        <Group justify="space-between">
          <Text fw={600}>{t('ui.templates.grounds')}</Text>
          <Button variant="light" size="compact-md" onClick={() => setGrounds([...grounds, { requirementId: '', label: '', documentTypes: [] }])}>
            {t('ui.common.add')}
          </Button>
        </Group>
        {grounds.map((row, index) => (
          <Group key={index} align="flex-end" wrap="nowrap">
            <TextInput w={180} label={t('ui.templates.requirementId')} value={row.requirementId} onChange={(event) => setGround(index, { requirementId: event.currentTarget.value })} error={issues[`grounds.${index}.requirementId`]} />
            <TextInput style={{ flex: 1 }} label={t('ui.templates.groundLabel')} value={row.label} onChange={(event) => setGround(index, { label: event.currentTarget.value })} error={issues[`grounds.${index}.label`]} />
            <MultiSelect
              w={260}
              label={t('ui.templates.documentTypes')}
              data={documentTypes.map((type) => ({ value: type, label: t(`rules.documentTypes.${type}`) }))}
              value={row.documentTypes}
              onChange={(value) => setGround(index, { documentTypes: value })}
              error={issues[`grounds.${index}.documentTypes`]}
            />
            <ActionIcon variant="default" size="lg" mb={4} aria-label={t('ui.common.remove')} onClick={() => setGrounds(grounds.filter((_, at) => at !== index))}>
              ×
            </ActionIcon>
          </Group>
        ))}
        <Textarea label={t('ui.templates.text')} description={t('ui.templates.textHint')} withAsterisk value={templateText} onChange={(event) => setTemplateText(event.currentTarget.value)} autosize minRows={8} styles={{ input: { fontFamily: 'monospace' } }} />
        <ErrorAlert error={failure} />
        <Group>
          <Button onClick={() => void submit()} loading={busy} disabled={templateText.trim().length === 0}>
            {t('ui.templates.addKind')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
