import { useState } from 'react';
import { useForm, useWatch, type FieldPath, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Container, FileInput, Group, PasswordInput, SimpleGrid, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { desk } from '../../desk/client.js';
import { asDeskError } from '../../stores/session-store.js';
import { useSessionStore } from '../../stores/index.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useFieldError } from '../../components/field-error.js';
import { enterToNext } from '../../hooks/use-enter-to-next.js';
import type { DeskError } from '../../../../shared/contract/errors.js';
import {
  emptySetupForm,
  requisiteFields,
  setupFormSchema,
  setupSteps,
  withoutBlankSignatory,
  type SetupFormInput,
  type SetupFormOutput,
} from './setup-form.js';

const resolver: Resolver<SetupFormInput, unknown, SetupFormOutput> = (values, context, options) =>
  zodResolver(setupFormSchema)(withoutBlankSignatory(values), context, options);

export function SetupWizard() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const setupDone = useSessionStore((state) => state.setupDone);
  const [step, setStep] = useState(0);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const form = useForm<SetupFormInput, unknown, SetupFormOutput>({
    resolver,
    defaultValues: emptySetupForm,
    mode: 'onTouched',
  });
  const { register, formState, handleSubmit, trigger, setValue, control } = form;
  const signatory = useWatch({ control, name: 'setup.signatory' });
  const signatoryGiven = Object.values(signatory ?? {}).some((text) => text.trim() !== '');
  const error = (name: FieldPath<SetupFormInput>) => fieldError(form.getFieldState(name, formState).error);

  const next = async () => {
    const current = setupSteps[step];
    if (current && (await trigger([...current.fields]))) setStep(step + 1);
  };

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await desk.call('setup.run', values.setup);
      setupDone();
    } catch (caught) {
      setFailure(asDeskError(caught));
    }
  });

  const readEmblem = async (file: File | null) => {
    if (!file) return setValue('setup.requisites.emblemPngBase64', undefined);
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    setValue('setup.requisites.emblemPngBase64', btoa(binary), { shouldValidate: true });
  };

  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('ui.setup.title')}
        </Title>
        <Text size="lg">{t('ui.setup.intro')}</Text>
        <form onSubmit={(event) => void submit(event)} onKeyDown={enterToNext} noValidate>
          <Stepper active={step} onStepClick={(target) => target < step && setStep(target)} size="sm">
            <Stepper.Step label={t('ui.setup.stepRequisites')}>
              <SimpleGrid cols={2} spacing="md">
                {requisiteFields.map((field) => (
                  <TextInput
                    key={field}
                    label={t(`ui.requisites.${field}`)}
                    withAsterisk={field !== 'website' && field !== 'phone' && field !== 'email'}
                    {...register(`setup.requisites.${field}`)}
                    error={error(`setup.requisites.${field}`)}
                  />
                ))}
                <FileInput
                  label={t('ui.requisites.emblem')}
                  description={t('ui.requisites.emblemHint')}
                  accept="image/png,image/jpeg"
                  clearable
                  onChange={(file) => void readEmblem(file)}
                  error={error('setup.requisites.emblemPngBase64')}
                />
              </SimpleGrid>
            </Stepper.Step>
            <Stepper.Step label={t('ui.setup.stepOffice')}>
              <SimpleGrid cols={2} spacing="md">
                <TextInput label={t('ui.setup.officeName')} withAsterisk {...register('setup.centralOffice.name')} error={error('setup.centralOffice.name')} />
                <TextInput
                  label={t('ui.setup.officeCode')}
                  description={t('ui.setup.officeCodeHint')}
                  withAsterisk
                  {...register('setup.centralOffice.code')}
                  error={error('setup.centralOffice.code')}
                />
                <TextInput
                  label={t('ui.setup.journalIndex')}
                  description={t('ui.setup.journalIndexHint')}
                  withAsterisk
                  {...register('setup.journal.index')}
                  error={error('setup.journal.index')}
                />
                <TextInput label={t('ui.setup.journalTitle')} withAsterisk {...register('setup.journal.title')} error={error('setup.journal.title')} />
              </SimpleGrid>
            </Stepper.Step>
            <Stepper.Step label={t('ui.setup.stepHead')}>
              <SimpleGrid cols={2} spacing="md">
                <TextInput
                  label={t('ui.setup.headLogin')}
                  description={t('ui.setup.headLoginHint')}
                  withAsterisk
                  autoComplete="username"
                  {...register('setup.head.login')}
                  error={error('setup.head.login')}
                />
                <TextInput label={t('ui.setup.headFullName')} withAsterisk {...register('setup.head.fullName')} error={error('setup.head.fullName')} />
                <PasswordInput
                  label={t('ui.setup.password')}
                  description={t('ui.setup.passwordHint')}
                  withAsterisk
                  autoComplete="new-password"
                  {...register('setup.head.password')}
                  error={error('setup.head.password')}
                />
                <PasswordInput
                  label={t('ui.setup.passwordRepeat')}
                  withAsterisk
                  autoComplete="new-password"
                  {...register('passwordRepeat')}
                  error={error('passwordRepeat')}
                />
              </SimpleGrid>
              <Title order={2} size="h4" mt="lg">
                {t('deskHead.wizardSignatory')}
              </Title>
              <Text size="sm" mb="xs">
                {t('deskHead.wizardSignatoryHint')}
              </Text>
              <SimpleGrid cols={3} spacing="md">
                <TextInput label={t('ui.directories.person')} {...register('setup.signatory.fullName')} error={error('setup.signatory.fullName')} />
                <TextInput label={t('ui.directories.position')} {...register('setup.signatory.position')} error={error('setup.signatory.position')} />
                <TextInput label={t('ui.directories.sealName')} {...register('setup.signatory.sealName')} error={error('setup.signatory.sealName')} />
              </SimpleGrid>
            </Stepper.Step>
            <Stepper.Completed>
              <Alert color="blue" variant="light">
                {t('ui.setup.ready')}
              </Alert>
              {!signatoryGiven && (
                <Alert color="yellow" variant="light" mt="sm">
                  {t('deskHead.wizardNoSignatory')}
                </Alert>
              )}
            </Stepper.Completed>
          </Stepper>
          <Stack mt="lg">
            <ErrorAlert error={failure} />
            <Group justify="space-between">
              <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)}>
                {t('ui.common.back')}
              </Button>
              {step < setupSteps.length ? (
                <Button key="next" onClick={() => void next()}>
                  {t('ui.common.next')}
                </Button>
              ) : (
                <Button key="submit" type="submit" loading={formState.isSubmitting}>
                  {t('ui.setup.finish')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
}
