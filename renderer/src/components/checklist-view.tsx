import { Badge, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { documentTypeHasSeries } from '../../../shared/domain/validation/documents.js';
import { presentedDocumentInputSchema } from '../../../shared/domain/validation/documents.js';
import type { ChecklistItem } from '../../../shared/rules/requirements.js';
import type { DocumentType } from '../../../shared/domain/documents.js';
import { useFieldError } from './field-error.js';
import { useRulePoint } from './rule-point.js';

export interface TickValue {
  presented: boolean;
  type?: string;
  series?: string;
  number?: string;
}

/** One line of a checklist in the words of the rules, with its point: «… (п. 7.4.3)». */
export function useItemLabel(): (item: ChecklistItem) => string {
  const { t } = useTranslation();
  const point = useRulePoint();
  return (item) => `${t(item.labelKey, { ...item.params })} (${point(item.ruleId)})`;
}

/**
 * The live checklist (R7.4 / R7.6): documents are ticked with their series and number; checks are
 * shown with their state. Documents carried in from an earlier entry count once the administrator
 * confirms they were presented anew (the issue form's «Взято з довідки …» notice).
 */
export function ChecklistView({
  items,
  ticks,
  onTick,
}: {
  items: readonly ChecklistItem[];
  ticks: Record<string, TickValue>;
  onTick: (id: string, patch: Partial<TickValue>) => void;
}) {
  const { t } = useTranslation();
  const label = useItemLabel();
  return (
    <Stack gap="xs">
      {items.map((item) =>
        item.kind === 'document' ? (
          <DocumentLine key={item.id} item={item} tick={ticks[item.id]} onTick={(patch) => onTick(item.id, patch)} />
        ) : (
          <Group key={item.id} gap="xs" wrap="nowrap" align="flex-start">
            <Badge color={item.present ? 'green' : 'red'} variant="filled" miw={70}>
              {item.present ? t('ui.checklist.ok') : t('ui.checklist.notOk')}
            </Badge>
            <Text size="sm">{label(item)}</Text>
          </Group>
        ),
      )}
    </Stack>
  );
}

function DocumentLine({ item, tick, onTick }: { item: ChecklistItem; tick: TickValue | undefined; onTick: (patch: Partial<TickValue>) => void }) {
  const { t } = useTranslation();
  const label = useItemLabel();
  const fieldError = useFieldError();
  const type = (item.documentTypes.find((accepted) => accepted === tick?.type) ?? item.documentTypes[0]) as DocumentType | undefined;
  const checked = Boolean(tick?.presented);
  // Series and number are checked against the document type's format as they are typed.
  const parsed =
    checked && type
      ? presentedDocumentInputSchema.safeParse({ requirementId: item.id, type, series: tick?.series || undefined, number: tick?.number || undefined })
      : undefined;
  const issue = (path: string) => {
    const found = parsed && !parsed.success ? parsed.error.issues.find((candidate) => candidate.path[0] === path) : undefined;
    return found ? fieldError({ message: found.message, type: found.code }) : undefined;
  };
  return (
    <Paper withBorder p="xs" bg={item.present ? 'green.0' : undefined}>
      <Checkbox
        checked={checked}
        onChange={(event) => onTick({ presented: event.currentTarget.checked })}
        label={label(item)}
        description={item.present ? t('ui.checklist.presented') : t('ui.checklist.missing')}
      />
      {checked && (
        <SimpleGrid cols={item.documentTypes.length > 1 ? 3 : 2} spacing="xs" mt="xs" ml={30}>
          {item.documentTypes.length > 1 && (
            <Select
              size="sm"
              label={t('ui.checklist.documentType')}
              data={item.documentTypes.map((value) => ({ value, label: t(`rules.documentTypes.${value}`) }))}
              value={type ?? null}
              onChange={(value) => value && onTick({ type: value })}
              allowDeselect={false}
            />
          )}
          {item.needsSeriesNumber && type && documentTypeHasSeries(type) && (
            <TextInput size="sm" label={t('ui.checklist.series')} value={tick?.series ?? ''} onChange={(event) => onTick({ series: event.currentTarget.value })} error={issue('series')} />
          )}
          {item.needsSeriesNumber && (
            <TextInput size="sm" label={t('ui.checklist.number')} value={tick?.number ?? ''} onChange={(event) => onTick({ number: event.currentTarget.value })} error={issue('number')} />
          )}
        </SimpleGrid>
      )}
    </Paper>
  );
}
