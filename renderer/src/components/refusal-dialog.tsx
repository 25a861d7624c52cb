import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../shared/contract/errors.js';
import {
  groundsFor,
  printedGroundText,
  refusalGroundProblems,
  type ChosenRefusalGround,
  type RefusalGroundDefinition,
  type RefusalPath,
} from '../../../shared/rules/refusal-grounds.js';
import { rulePoint } from '../../../shared/rules/rule-point.js';
import { useLanguage } from '../i18n/index.js';
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

/** What the form lacks beyond its fields (the declined name, a journal), said the same way. */
export function formLacksError(messageKeys: readonly string[]): DeskError {
  return new DeskError('invalid_input', 'deskHead.refusalFormIncomplete', undefined, messageKeys.map((messageKey) => ({ path: messageKey, messageKey })));
}

interface Props {
  opened: boolean;
  path: RefusalPath;
  /** Grounds the checklist's unmet items fall under, ticked when the dialog opens. */
  proposed: readonly ChosenRefusalGround[];
  failure: DeskError | null;
  busy: boolean;
  onClose: () => void;
  onConfirm: (grounds: ChosenRefusalGround[]) => void;
}

/**
 * The one confirmation every refusal passes (issue screen and certification screen): the grounds
 * are chosen from the regulation's list (R7.4 or R7.6, with R7.16), proposed from the checklist,
 * and worded by the administrator; the same check main makes, and main's or the form's refusal,
 * are shown in the dialog.
 */
export function RefusalDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('ui.common.close') }}
      opened={props.opened}
      onClose={props.onClose}
      title={t(props.path === 'certificate' ? 'ui.refusal.title' : 'ui.refusal.titleCertification')}
      size="xl"
    >
      {/* Mounted only while open: each opening starts again from the checklist's proposal. */}
      <GroundsForm {...props} />
    </Modal>
  );
}

type Choices = Record<string, { chosen: boolean; details: string }>;

function initialChoices(path: RefusalPath, proposed: readonly ChosenRefusalGround[]): Choices {
  return Object.fromEntries(
    groundsFor(path).map((ground) => {
      const found = proposed.find((choice) => choice.ruleId === ground.id);
      return [ground.id, { chosen: found !== undefined, details: found?.details ?? '' }];
    }),
  );
}

function GroundsForm({ path, proposed, failure, busy, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Choices>(() => initialChoices(path, proposed));
  // Problems are shown once the administrator has tried to register, not while still choosing.
  const [attempted, setAttempted] = useState(false);
  const grounds = groundsFor(path);
  const chosen: ChosenRefusalGround[] = grounds.filter((ground) => choices[ground.id]?.chosen).map((ground) => ({ ruleId: ground.id, details: choices[ground.id]?.details ?? '' }));
  const problems = attempted ? refusalGroundProblems(path, chosen) : [];
  const problemOf = (ruleId: string) => {
    const index = chosen.findIndex((choice) => choice.ruleId === ruleId);
    return problems.find((problem) => problem.path.startsWith(`grounds.${index}.`));
  };
  const noGround = problems.find((problem) => problem.path === 'grounds');
  const update = (ruleId: string, patch: Partial<Choices[string]>) =>
    setChoices((current) => ({ ...current, [ruleId]: { chosen: false, details: '', ...current[ruleId], ...patch } }));

  const confirm = () => {
    setAttempted(true);
    if (refusalGroundProblems(path, chosen).length === 0) onConfirm(chosen);
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('ui.refusal.intro')}</Text>
      <Stack gap={6} role="group" aria-label={t('ui.refusal.groundsLabel')}>
        {grounds.map((ground) => (
          <GroundChoice
            key={ground.id}
            ground={ground}
            value={choices[ground.id] ?? { chosen: false, details: '' }}
            problemKey={problemOf(ground.id)?.messageKey}
            onChange={(patch) => update(ground.id, patch)}
          />
        ))}
      </Stack>
      {noGround && (
        <Text c="red.8" size="sm" role="alert">
          {t(noGround.messageKey)}
        </Text>
      )}
      <ErrorAlert error={failure} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('ui.common.cancel')}
        </Button>
        <Button color="red.9" loading={busy} onClick={confirm}>
          {t('ui.refusal.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

function GroundChoice({
  ground,
  value,
  problemKey,
  onChange,
}: {
  ground: RefusalGroundDefinition;
  value: { chosen: boolean; details: string };
  problemKey: string | undefined;
  onChange: (patch: Partial<{ chosen: boolean; details: string }>) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const point = rulePoint(ground.id);
  return (
    <Stack gap={4}>
      <Checkbox
        checked={value.chosen}
        onChange={(event) => onChange({ chosen: event.currentTarget.checked })}
        label={`${t('ui.common.rulePoint', { point })} — ${ground.wording[language]}`}
      />
      {value.chosen && (
        <Stack gap={2} pl={32}>
          <Textarea
            label={t('ui.refusal.detailsLabel', { point })}
            description={t(ground.needsDetails ? 'ui.refusal.detailsNeededHint' : 'ui.refusal.detailsHint')}
            withAsterisk={ground.needsDetails}
            autosize
            minRows={1}
            maxRows={4}
            value={value.details}
            // One line on paper: Enter does not break the line (free text refuses line breaks).
            onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
            onChange={(event) => onChange({ details: event.currentTarget.value })}
            error={problemKey ? t(problemKey, { point }) : undefined}
          />
          <Text size="xs" c="dimmed" lang="uk">
            {t('ui.refusal.printedAs', { text: printedGroundText(ground, value.details) })}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
