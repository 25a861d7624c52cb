import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BodyDetails, BodySummary } from '../../../../shared/domain/directories.js';
import type { KindDefinition } from '../../../../shared/rules/catalogue.js';
import type { BodyHistory } from '../../../../shared/rules/certification.js';
import { desk } from '../../desk/client.js';
import { DateField } from '../../components/form/date-field.js';
import { NameFields } from '../../components/form/name-fields.js';
import { fullNameOf } from '../../components/entry-text.js';
import { useFieldError } from '../../components/field-error.js';
import { useRulePoint } from '../../components/rule-point.js';
import { kyivToday, formatDate } from '../../i18n/format.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { certifiedKinds, type CertifyFormValues } from './certify-form.js';

/** How a kind is named in the list: built-in by its rule, one added by decision by that decision (R7.15). */
function useKindLabel(): (kind: KindDefinition) => string {
  const { t } = useTranslation();
  const point = useRulePoint();
  return (kind) =>
    kind.decision
      ? t('ui.issue.customKind', { title: kind.title, number: kind.decision.number, date: formatDate(kind.decision.date) })
      : `${t(kind.titleKey)} (${point(kind.rule)})`;
}

/** Who held the body's posts on a date (inclusive periods), to check and prefill the signer (R7.5). */
function holderOn(details: BodyDetails | null, role: 'head' | 'deputy', date: string) {
  return details?.posts.find((post) => post.role === role && post.from <= date && (!post.to || date <= post.to));
}

/** The certificate being certified: its kind, the body that issued it, its date, signer and seal. */
export function BodyFields({ bodies, details }: { bodies: BodySummary[]; details: BodyDetails | null }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { control, setValue, formState } = useFormContext<CertifyFormValues>();
  const kindId = useWatch({ control, name: 'kind' });
  const date = useWatch({ control, name: 'certificateDate' });
  const role = useWatch({ control, name: 'signer.role' });
  const kindLabel = useKindLabel();
  const kinds = certifiedKinds(useReferenceStore((state) => state.customKinds));
  const kind = kinds.find((candidate) => candidate.id === kindId);
  const issuerType = kind?.issuer ?? 'committee';
  const today = kyivToday();
  const head = date ? holderOn(details, 'head', date) : undefined;
  const deputy = date ? holderOn(details, 'deputy', date) : undefined;

  const fillSigner = (post: NonNullable<typeof head>) => {
    setValue('signer.role', post.role);
    setValue('signer.name', { familyName: post.name.familyName, givenName: post.name.givenName, patronymic: post.name.patronymic ?? '' }, { shouldValidate: true });
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('ui.certify.certificateTitle')}
        </Title>
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <Select
              label={t('ui.certify.kind')}
              withAsterisk
              searchable
              // A required choice: picking the chosen kind again (a second click, a slow double click) keeps it.
              allowDeselect={false}
              data={kinds.map((candidate) => ({ value: candidate.id, label: kindLabel(candidate) }))}
              value={field.value || null}
              onChange={(value) => {
                field.onChange(value ?? '');
                setValue('bodyId', '');
              }}
              error={fieldError(formState.errors.kind)}
            />
          )}
        />
        {/* A long title (R7.5.5, or a decision's own words, R7.15) is cut in the one-line list: shown here in full. */}
        {kind && <Text size="sm">{kindLabel(kind)}</Text>}
        <SimpleGrid cols={2} spacing="sm">
          <Controller
            control={control}
            name="bodyId"
            render={({ field }) => (
              <Select
                label={issuerType === 'osbb' ? t('ui.certify.osbb') : t('ui.certify.committee')}
                withAsterisk
                searchable
                allowDeselect={false}
                disabled={!kind}
                data={bodies.filter((body) => body.type === issuerType && body.active).map((body) => ({ value: body.id, label: body.number ? `№ ${body.number} ${body.name}` : body.name }))}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                error={fieldError(formState.errors.bodyId)}
              />
            )}
          />
          <DateField<CertifyFormValues> name="certificateDate" label={t('ui.certify.certificateDate')} required max={today} />
        </SimpleGrid>
        {details && date && (
          <Paper bg="gray.0" p="sm">
            <Text size="sm" fw={600}>
              {t('ui.certify.postsOn', { date: formatDate(date) })}
            </Text>
            <Group gap="sm" mt={4}>
              <Text size="sm">{t('ui.certify.headIs', { name: head ? fullNameOf(head.name) : t('ui.certify.vacant') })}</Text>
              {head && (
                <Button size="compact-sm" variant="light" onClick={() => fillSigner(head)}>
                  {t('ui.certify.signedByHead')}
                </Button>
              )}
            </Group>
            <Group gap="sm" mt={4}>
              <Text size="sm">{t('ui.certify.deputyIs', { name: deputy ? fullNameOf(deputy.name) : t('ui.certify.vacant') })}</Text>
              {deputy && (
                <Button size="compact-sm" variant="light" onClick={() => fillSigner(deputy)}>
                  {t('ui.certify.signedByDeputy')}
                </Button>
              )}
            </Group>
          </Paper>
        )}
        <Controller
          control={control}
          name="signer.role"
          render={({ field }) => (
            <Radio.Group label={t('ui.certify.signerRole')} value={field.value} onChange={field.onChange}>
              <Group mt="xs">
                <Radio value="head" label={t('ui.certify.roleHead')} />
                <Radio value="deputy" label={t('ui.certify.roleDeputy')} />
              </Group>
            </Radio.Group>
          )}
        />
        <NameFields<CertifyFormValues> prefix="signer.name" />
        {role === 'deputy' && (
          <Controller
            control={control}
            name="signer.headAbsence"
            render={({ field }) => (
              <Radio.Group label={t('ui.certify.headAbsence')} value={field.value} onChange={field.onChange}>
                <Stack gap={6} mt="xs">
                  <Radio value="post_vacant" label={t('ui.certify.absence.post_vacant')} />
                  <Radio value="confirmed_by_administrator" label={t('ui.certify.absence.confirmed_by_administrator')} />
                  <Radio value="not_applicable" label={t('ui.certify.absence.not_applicable')} />
                </Stack>
              </Radio.Group>
            )}
          />
        )}
        <Controller
          control={control}
          name="sealPresent"
          render={({ field }) => <Checkbox checked={field.value} onChange={(event) => field.onChange(event.currentTarget.checked)} label={t('ui.certify.sealPresent')} />}
        />
        <Controller
          control={control}
          name="submittedBy"
          render={({ field }) => (
            <Radio.Group label={t('ui.certify.submittedBy')} value={field.value} onChange={field.onChange}>
              <Group mt="xs">
                <Radio value="subject" label={t('ui.certify.submittedBySubject')} />
                <Radio value="body_head" label={t('ui.certify.submittedByHead')} />
              </Group>
            </Radio.Group>
          )}
        />
      </Stack>
    </Paper>
  );
}

/** Loads the chosen body's posts and its history (for the rules) whenever the choice changes. */
export function useBodyData(bodyId: string) {
  const [loaded, setLoaded] = useState<{ bodyId: string; details: BodyDetails; history: BodyHistory } | null>(null);
  useEffect(() => {
    if (!bodyId) return;
    let cancelled = false;
    Promise.all([desk.call('directories.bodies.get', { id: bodyId }), desk.call('directories.bodies.history', { id: bodyId })])
      .then(([details, history]) => !cancelled && setLoaded({ bodyId, details, history }))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [bodyId]);
  // A previous body's data never stands in for the one just chosen.
  const current = loaded?.bodyId === bodyId ? loaded : null;
  return { details: current?.details ?? null, history: current?.history ?? null };
}
