import { useEffect, useMemo, useState } from 'react';
import { Alert, Box, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { FormProvider, useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { DeclinedName } from '../../../../shared/domain/person.js';
import { kindsNeed } from '../../../../shared/rules/catalogue.js';
import { ChecklistView } from '../../components/checklist-view.js';
import { DeclensionPanel } from '../../components/declension-panel.js';
import { enterToNext } from '../../hooks/use-enter-to-next.js';
import { kyivToday } from '../../i18n/format.js';
import { signatoriesFor } from '../../../../shared/domain/directories.js';
import { startValues, useIssueStore } from './issue-store.js';
import { issueFormSchema, issueJudgement, liveVerdict, type IssueFormOutput, type IssueFormValues } from './issue-form.js';
import { CarriedNotice } from './carried-notice.js';
import { useKnownCase } from './known-case.js';
import { KindsSection } from './kinds-section.js';
import { PersonSection } from './person-section.js';
import { AddressSection } from './address-section.js';
import { HouseholdSection } from './household-section.js';
import { GroundsSection } from './grounds-section.js';
import { IssueActions } from './issue-actions.js';
import { IssueResult } from './issue-result.js';
import { SignatoryFields } from './signatory-fields.js';
import { IssuePreview } from './issue-preview.js';
import { useReferenceStore } from '../../stores/reference-store.js';

/** The sections shown depend on the kinds chosen, so the schema is rebuilt from them on every check. */
function issueResolver(today: string): Resolver<IssueFormValues, unknown, IssueFormOutput> {
  return (values, context, options) => {
    const resolve = zodResolver(issueFormSchema(values.kinds, today)) as unknown as Resolver<IssueFormValues, unknown, IssueFormOutput>;
    return resolve(values, context, options);
  };
}

export function IssueScreen() {
  const { t } = useTranslation();
  const start = useIssueStore((state) => state.start);
  const restoredNames = useIssueStore((state) => state.restoredNames);
  const formVersion = useIssueStore((state) => state.formVersion);
  const ticks = useIssueStore((state) => state.ticks);
  const setTick = useIssueStore((state) => state.setTick);
  const result = useIssueStore((state) => state.result);
  const reissueOf = useIssueStore((state) => state.reissueOf);
  const today = kyivToday();
  const form = useForm<IssueFormValues, unknown, IssueFormOutput>({
    defaultValues: startValues(start),
    resolver: issueResolver(today),
    mode: 'onTouched',
  });
  const [declined, setDeclined] = useState<DeclinedName | null>(null);
  const [deceasedDeclined, setDeceasedDeclined] = useState<DeclinedName | null>(null);
  const customKinds = useReferenceStore((state) => state.customKinds);
  const loadCustomKinds = useReferenceStore((state) => state.loadCustomKinds);

  // A kind the head added on the templates screen a moment ago is offered as soon as this form opens (R7.15).
  useEffect(() => {
    void loadCustomKinds().catch(() => undefined);
  }, [loadCustomKinds]);

  useEffect(() => {
    form.reset(startValues(useIssueStore.getState().start));
  }, [form, formVersion]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the live checklist re-reads every field on each change; nothing here is memoised by the compiler
  const values = form.watch();
  const live = useMemo(() => liveVerdict(values, ticks, today, customKinds), [values, ticks, today, customKinds]);
  // The judgement main will give «Видати», once the name has its forms (the same shared function main runs).
  const judged = useMemo(() => (declined ? issueJudgement(values, ticks, declined, today, customKinds) : null), [values, ticks, declined, today, customKinds]);
  const signatories = useReferenceStore((state) => state.signatories);
  const journals = useReferenceStore((state) => state.journals);
  const journalId = useReferenceStore((state) => state.journalId);
  const officeId = journals.find((journal) => journal.id === journalId)?.officeId;
  const signatoryIsCurrent = (id: string) => signatoriesFor(signatories, { date: today, officeId }).some((person) => person.id === id);
  useKnownCase(values, () => form.getValues(), signatoryIsCurrent);
  const needsHousehold = kindsNeed(values.kinds, 'household', customKinds);

  if (result) return <IssueResult entry={result} />;

  return (
    <FormProvider {...form}>
      <form onKeyDown={enterToNext} onSubmit={(event) => event.preventDefault()} noValidate aria-label={t('ui.issue.title')}>
        <Grid gutter="md">
          <Grid.Col span={7}>
            <Stack gap="md">
              <Title order={1} size="h2">
                {t('ui.issue.title')}
              </Title>
              {reissueOf && (
                <Alert color="blue" variant="light">
                  {t('ui.issue.reissueOf', { number: reissueOf.printedNumber })}
                </Alert>
              )}
              <KindsSection />
              <PersonSection />
              <AddressSection />
              {needsHousehold && <HouseholdSection />}
              <GroundsSection />
              <DeclensionPanel name={values.subject.name} value={declined} onChange={setDeclined} restore={restoredNames.subject ?? null} />
              {kindsNeed(values.kinds, 'deceased') && (
                <Box>
                  <Text fw={600} mb={4}>
                    {t('ui.issue.deceasedDeclension')}
                  </Text>
                  <DeclensionPanel name={values.deceased.name} value={deceasedDeclined} onChange={setDeceasedDeclined} restore={restoredNames.deceased ?? null} />
                </Box>
              )}
              <SignatoryFields />
              <IssuePreview documents={live.documents} declined={declined} deceasedDeclined={deceasedDeclined} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={5}>
            <Paper withBorder p="md" pos="sticky" top={88} style={{ maxHeight: 'calc(100vh - 110px)', overflowY: 'auto' }}>
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('ui.checklist.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('ui.checklist.hint')}
                </Text>
                {/* Beside the documents it carries, in view while the form is filled (sticky). */}
                <CarriedNotice />
                <ChecklistView items={live.verdict.items} ticks={ticks} onTick={setTick} />
                <IssueActions
                  verdict={live.verdict}
                  obstacles={judged?.obstacles ?? []}
                  signatoryIsCurrent={signatoryIsCurrent}
                  documents={live.documents}
                  declined={declined}
                  deceasedDeclined={deceasedDeclined}
                />
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
      </form>
    </FormProvider>
  );
}
