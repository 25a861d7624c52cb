import { Checkbox, Paper, Stack, TextInput, Title } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldError } from '../../components/field-error.js';
import { useRulePoint } from '../../components/rule-point.js';
import { formatDate, kyivToday } from '../../i18n/format.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { useKindTitle } from '../../components/entry-summary.js';
import { kindStandingOn } from '../../../../shared/domain/kind-decisions.js';
import { issuedCustomKinds, issuedKinds, type IssueFormValues } from './issue-form.js';

/**
 * Section F: a kind a decision stops today is shown, not offered: its box is disabled and says
 * which decision stopped it and what is issued instead (the main process refuses it anyway).
 */
function useStoppedHint(): (kindId: string) => { disabled?: boolean; description?: string } {
  const { t } = useTranslation();
  const kindTitle = useKindTitle();
  const decisions = useReferenceStore((state) => state.kindDecisions);
  const today = kyivToday();
  return (kindId) => {
    const standing = kindStandingOn(decisions, kindId, today);
    if (standing.state === 'active') return {};
    const { decision, successorKindId } = standing;
    const params = { date: formatDate(decision.effectiveDate), number: decision.number, decided: formatDate(decision.date) };
    const description = successorKindId
      ? t('ui.kindDecisions.stoppedReplacedHint', { ...params, successor: kindTitle(successorKindId) })
      : t('ui.kindDecisions.stoppedHint', params);
    return { disabled: true, description };
  };
}

/** R7.1 kinds and those added by decision (R7.15); several may be ticked for one combined certificate (R7.2). */
export function KindsSection() {
  const { t } = useTranslation();
  const customKinds = issuedCustomKinds(useReferenceStore((state) => state.customKinds));
  const stopped = useStoppedHint();
  const point = useRulePoint();
  const fieldError = useFieldError();
  const { control, register, formState } = useFormContext<IssueFormValues>();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('ui.issue.kindsTitle')}
        </Title>
        <Controller
          control={control}
          name="kinds"
          render={({ field }) => (
            <Checkbox.Group
              value={field.value}
              onChange={field.onChange}
              description={t('ui.issue.kindsHint')}
              error={fieldError(formState.errors.kinds)}
            >
              <Stack gap="xs" mt="xs">
                {issuedKinds.map((kind) => (
                  <Checkbox key={kind.id} value={kind.id} label={`${t(kind.titleKey)} (${point(kind.rule)})`} {...stopped(kind.id)} />
                ))}
                {customKinds.map((kind) => (
                  <Checkbox
                    key={kind.id}
                    value={kind.id}
                    label={t('ui.issue.customKind', { title: kind.title, number: kind.decision.number, date: formatDate(kind.decision.date) })}
                    {...stopped(kind.id)}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        <TextInput
          label={t('ui.issue.purpose')}
          placeholder={t('ui.issue.purposePlaceholder')}
          {...register('purpose')}
          error={fieldError(formState.errors.purpose)}
        />
      </Stack>
    </Paper>
  );
}
