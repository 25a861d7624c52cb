import { useEffect, useState } from 'react';
import { Button, FileInput, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { councilRequisitesSchema, type CouncilRequisites } from '../../../../shared/domain/requisites.js';
import { desk } from '../../desk/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useFieldError } from '../../components/field-error.js';
import { withoutBlanks } from '../../components/form/record-form.js';
import { asDeskError } from '../../stores/session-store.js';
import { readFileAsBase64 } from '../exchange/exchange-files.js';
import { requisiteFields } from '../setup/setup-form.js';

type RequisitesForm = Record<(typeof requisiteFields)[number], string>;

const requisitesSchema = councilRequisitesSchema.omit({ emblemPngBase64: true });
const resolver: Resolver<RequisitesForm> = (values, context, options) =>
  (zodResolver(requisitesSchema) as unknown as Resolver<RequisitesForm>)(withoutBlanks(values) as RequisitesForm, context, options);

/**
 * The council's requisites printed in every header (head only). Entries already issued keep their
 * snapshot. The emblem is only picked here: main checks the image and its refusal is shown below.
 */
export function RequisitesPanel() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [emblem, setEmblem] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<RequisitesForm>({ resolver, mode: 'onTouched' });
  const { register, handleSubmit, reset, formState } = form;

  useEffect(() => {
    desk.call('requisites.get', {}).then(
      (loaded) => {
        reset(Object.fromEntries(requisiteFields.map((field) => [field, loaded[field] ?? ''])) as RequisitesForm);
        setEmblem(loaded.emblemPngBase64);
      },
      (caught: unknown) => setFailure(asDeskError(caught)),
    );
  }, [reset]);

  const pickEmblem = async (file: File | null) => {
    setFailure(null);
    try {
      setEmblem(file ? await readFileAsBase64(file) : undefined);
    } catch (caught) {
      setFailure(asDeskError(caught));
    }
  };

  const save = handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    try {
      const requisites = { ...(withoutBlanks(values) as RequisitesForm), ...(emblem ? { emblemPngBase64: emblem } : {}) } as CouncilRequisites;
      const updated = await desk.call('requisites.update', requisites);
      setEmblem(updated.emblemPngBase64);
      setSaved(true);
    } catch (caught) {
      setFailure(asDeskError(caught));
    }
  });

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void save(event)} noValidate aria-labelledby="requisites-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="requisites-title">
            {t('deskHead.requisitesTitle')}
          </Title>
          <Text size="sm">{t('deskHead.requisitesHint')}</Text>
          <SimpleGrid cols={2} spacing="sm">
            {requisiteFields.map((field) => (
              <TextInput
                key={field}
                label={t(`ui.requisites.${field}`)}
                withAsterisk={field !== 'website' && field !== 'phone' && field !== 'email'}
                {...register(field)}
                error={fieldError(formState.errors[field])}
              />
            ))}
            <FileInput
              label={t('ui.requisites.emblem')}
              description={emblem ? t('deskHead.emblemKept') : t('ui.requisites.emblemHint')}
              accept="image/png"
              clearable
              clearButtonProps={{ 'aria-label': t('deskHead.emblemRemove') }}
              onChange={(file) => void pickEmblem(file)}
            />
          </SimpleGrid>
          <ErrorAlert error={failure} />
          <Group>
            <Button type="submit" loading={formState.isSubmitting}>
              {t('ui.common.save')}
            </Button>
            {emblem && (
              <Button variant="subtle" onClick={() => setEmblem(undefined)}>
                {t('deskHead.emblemRemove')}
              </Button>
            )}
            {saved && <Text role="status">{t('ui.settings.saved')}</Text>}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
