import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Grid, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Controller, FormProvider, useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { signatoriesFor, type BodySummary } from '../../../../shared/domain/directories.js';
import type { EntryRecord } from '../../../../shared/domain/entry.js';
import type { DeclinedName } from '../../../../shared/domain/person.js';
import { proposedRefusalGrounds } from '../../../../shared/rules/refusal.js';
import type { ChosenRefusalGround } from '../../../../shared/rules/refusal-grounds.js';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { desk } from '../../desk/client.js';
import { ChecklistView, useItemLabel } from '../../components/checklist-view.js';
import { DeclensionPanel } from '../../components/declension-panel.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formLacksError, incompleteFormError, RefusalDialog } from '../../components/refusal-dialog.js';
import { EntryActions } from '../../components/entry-actions.js';
import { EntrySummary } from '../../components/entry-summary.js';
import { useFieldError } from '../../components/field-error.js';
import { PersonFields } from '../../components/form/person-fields.js';
import { enterToNext } from '../../hooks/use-enter-to-next.js';
import { kyivToday } from '../../i18n/format.js';
import { useSessionStore } from '../../stores/index.js';
import { defaultJournal, useReferenceStore } from '../../stores/reference-store.js';
import { asDeskError } from '../../stores/session-store.js';
import { AddressFields, FactCheckbox } from '../issue/address-section.js';
import type { Tick } from '../issue/issue-store.js';
import { BodyFields, useBodyData } from './body-fields.js';
import { buildCertificationDraft, certifyFormSchema, emptyCertifyForm, liveCertificationVerdict, type CertifyFormOutput, type CertifyFormValues } from './certify-form.js';

/** Certifying the signature on a committee's or an ОСББ's certificate (R7.5–R7.9), or refusing (R7.6). */
export function CertifyScreen() {
  const { t } = useTranslation();
  const today = kyivToday();
  const [result, setResult] = useState<EntryRecord | null>(null);
  const [formKey, setFormKey] = useState(0);
  if (result) {
    return (
      <Stack maw={900}>
        <Title order={1} size="h2">
          {result.sort === 'refusal' ? t('ui.result.refusedTitle') : t('ui.certify.doneTitle')}
        </Title>
        <Alert color={result.sort === 'refusal' ? 'orange' : 'green'} role="status">
          {t(result.sort === 'refusal' ? 'ui.result.refusedNumber' : 'ui.certify.doneNumber', { number: result.printedNumber })}
        </Alert>
        <EntrySummary entry={result} />
        <EntryActions entry={result} onChanged={setResult} />
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setResult(null);
              setFormKey(formKey + 1);
            }}
          >
            {t('ui.certify.next')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return <CertifyForm key={formKey} today={today} onDone={setResult} />;
}

function CertifyForm({ today, onDone }: { today: string; onDone: (entry: EntryRecord) => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const itemLabel = useItemLabel();
  const officeId = useSessionStore((state) => state.user?.officeId ?? '');
  const journals = useReferenceStore((state) => state.journals);
  const signatories = useReferenceStore((state) => state.signatories);
  const customKinds = useReferenceStore((state) => state.customKinds);
  const loadCustomKinds = useReferenceStore((state) => state.loadCustomKinds);
  const [journalId, setJournalId] = useState<string | null>(null);
  const [bodies, setBodies] = useState<BodySummary[]>([]);
  const [ticks, setTicks] = useState<Record<string, Tick>>({});
  const [declined, setDeclined] = useState<DeclinedName | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusing, setRefusing] = useState(false);
  // One key per opened form: sent twice (a double click, a retry), it gets back the entry it made.
  const [submissionKey] = useState(() => crypto.randomUUID());
  const form = useForm<CertifyFormValues, unknown, CertifyFormOutput>({
    defaultValues: emptyCertifyForm(),
    resolver: zodResolver(certifyFormSchema(today)) as unknown as Resolver<CertifyFormValues, unknown, CertifyFormOutput>,
    mode: 'onTouched',
  });
  // eslint-disable-next-line react-hooks/incompatible-library -- the live checklist re-reads every field on each change; nothing here is memoised by the compiler
  const values = form.watch();
  const { details, history } = useBodyData(values.bodyId);
  const chosenJournal = journalId ?? defaultJournal(journals, officeId, 'certification')?.id ?? null;
  // The inscription is dated today: only those who may sign today, for the journal's office.
  const journalOffice = journals.find((journal) => journal.id === chosenJournal)?.officeId ?? officeId;
  const signers = signatoriesFor(signatories, { date: today, officeId: journalOffice });

  useEffect(() => {
    desk.call('directories.bodies.list', {}).then(setBodies).catch((caught: unknown) => setFailure(asDeskError(caught)));
  }, []);

  // A certified kind the head added on the templates screen a moment ago is offered at once (R7.15).
  useEffect(() => {
    void loadCustomKinds().catch(() => undefined);
  }, [loadCustomKinds]);

  const live = useMemo(
    () => (history && values.kind ? liveCertificationVerdict(values, { history, bodyName: details?.body.name ?? '', ticks, today, customKinds }) : null),
    [values, history, details, ticks, today, customKinds],
  );
  const reasons = [
    ...(!values.kind || !history ? [t('ui.certify.chooseBody')] : []),
    ...(live?.verdict.missing.map(itemLabel) ?? []),
    ...(!declined ? [t('ui.issue.needDeclension')] : []),
    ...(!chosenJournal ? [t('ui.issue.needJournal')] : []),
  ];

  const register = (send: (output: CertifyFormOutput, certification: ReturnType<typeof buildCertificationDraft>) => Promise<{ entry: EntryRecord }>) =>
    form.handleSubmit(
      async (output) => {
        if (!declined || !chosenJournal || !live) {
          setFailure(formLacksError([...(!declined ? ['ui.issue.needDeclension'] : []), ...(!chosenJournal ? ['ui.issue.needJournal'] : [])]));
          return;
        }
        setBusy(true);
        setFailure(null);
        try {
          const { entry } = await send(output, buildCertificationDraft(output, live.documents, declined));
          setRefusing(false);
          onDone(entry);
        } catch (caught) {
          setFailure(asDeskError(caught));
        } finally {
          setBusy(false);
        }
      },
      // Said where the administrator looks: inside the refusal's dialog when it is open.
      (errors) => setFailure(incompleteFormError(errors)),
    )();

  const certify = () =>
    register((output, certification) => desk.call('entries.certify', { journalId: chosenJournal ?? '', signatoryId: output.signatoryId, certification, submissionKey }));
  // R7.6: the grounds chosen in the dialog, proposed from the failed checks.
  const refuse = (grounds: ChosenRefusalGround[]) =>
    register((output, certification) =>
      desk.call('entries.refuse', { journalId: chosenJournal ?? '', signatoryId: output.signatoryId, request: { sort: 'certification', certification }, grounds, submissionKey }),
    );

  return (
    <FormProvider {...form}>
      <form onKeyDown={enterToNext} onSubmit={(event) => event.preventDefault()} noValidate aria-label={t('ui.certify.title')}>
        <Grid gutter="md">
          <Grid.Col span={7}>
            <Stack gap="md">
              <Title order={1} size="h2">
                {t('ui.certify.title')}
              </Title>
              <BodyFields bodies={bodies} details={details} />
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('ui.certify.subjectTitle')}
                  </Title>
                  <PersonFields
                    besideBirthDate={
                      <Controller
                        control={form.control}
                        name="childrenMentioned"
                        render={({ field }) => (
                          <NumberInput label={t('ui.certify.childrenMentioned')} min={0} max={30} value={field.value} onChange={(value) => field.onChange(typeof value === 'number' ? value : 0)} />
                        )}
                      />
                    }
                  />
                  <AddressFields />
                  <FactCheckbox name="titleRequested" rule="R7.6.5" />
                </Stack>
              </Paper>
              <DeclensionPanel name={values.subject.name} value={declined} onChange={setDeclined} />
              <Paper withBorder p="md">
                <SimpleGrid cols={2} spacing="sm">
                  <Select
                    label={t('ui.issue.journal')}
                    withAsterisk
                    data={journals.filter((journal) => journal.active).map((journal) => ({ value: journal.id, label: `${journal.index} — ${journal.title}` }))}
                    value={chosenJournal}
                    onChange={(value) => value && setJournalId(value)}
                    allowDeselect={false}
                  />
                  <Controller
                    control={form.control}
                    name="signatoryId"
                    render={({ field }) => (
                      <Select
                        label={t('ui.issue.signatory')}
                        withAsterisk
                        allowDeselect={false}
                        data={signers.map((person) => ({ value: person.id, label: `${person.fullName}, ${person.position}` }))}
                        value={field.value || null}
                        onChange={(value) => field.onChange(value ?? '')}
                        error={fieldError(form.formState.errors.signatoryId)}
                      />
                    )}
                  />
                </SimpleGrid>
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={5}>
            <Paper withBorder p="md" pos="sticky" top={88} style={{ maxHeight: 'calc(100vh - 110px)', overflowY: 'auto' }}>
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('ui.certify.checksTitle')}
                </Title>
                {live ? (
                  <ChecklistView items={live.verdict.items} ticks={ticks} onTick={(id, patch) => setTicks({ ...ticks, [id]: { ...(ticks[id] ?? { presented: false }), ...patch } })} />
                ) : (
                  <Text c="dimmed">{t('ui.certify.chooseBody')}</Text>
                )}
                <Controller
                  control={form.control}
                  name="dataMatch"
                  render={({ field }) => (
                    <Checkbox checked={field.value} onChange={(event) => field.onChange(event.currentTarget.checked)} label={t('ui.certify.dataMatch')} fw={600} />
                  )}
                />
                {reasons.length === 0 ? (
                  <Alert color="green" role="status">
                    {t('ui.certify.canCertify')}
                  </Alert>
                ) : (
                  <Alert color="orange" role="status" title={t('ui.certify.cannotCertify')}>
                    <Text size="sm">{t('ui.issue.missing', { list: reasons.join('; ') })}</Text>
                  </Alert>
                )}
                <ErrorAlert error={refusing ? null : failure} />
                <Group grow>
                  <Button size="lg" disabled={reasons.length > 0} loading={busy && !refusing} onClick={() => void certify()}>
                    {t('ui.certify.certify')}
                  </Button>
                  <Button
                    size="lg"
                    variant="outline"
                    color="red.9"
                    disabled={busy || !live}
                    onClick={() => {
                      setFailure(null);
                      setRefusing(true);
                    }}
                  >
                    {t('ui.issue.refuse')}
                  </Button>
                </Group>
                <RefusalDialog
                  opened={refusing}
                  path="certification"
                  proposed={live ? proposedRefusalGrounds(live.verdict, 'certification') : []}
                  failure={failure}
                  busy={busy}
                  onClose={() => setRefusing(false)}
                  onConfirm={(grounds) => void refuse(grounds)}
                />
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
      </form>
    </FormProvider>
  );
}
