import { useState } from 'react';
import { Button, Checkbox, Group, MultiSelect, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Controller, useForm, type FieldValues, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { asDeskError } from '../../stores/session-store.js';
import { ErrorAlert } from '../error-alert.js';
import { useFieldError, type ErrorLike } from '../field-error.js';
import { enterToNext } from '../../hooks/use-enter-to-next.js';
import { DeskDateInput } from './date-input.js';

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'password' | 'date' | 'checkbox' | 'select' | 'multiselect';
  options?: { value: string; label: string }[];
  required?: boolean;
  description?: string;
  /** The schema takes an empty string here (a text that may be empty), so blank is not "absent". */
  keepBlank?: boolean;
}

/** Empty inputs mean "absent": optional fields of the shared schemas expect undefined, not ''. */
export function withoutBlanks(value: unknown, keep: ReadonlySet<string> = new Set(), path = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutBlanks(item, keep, path));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, field]) => keep.has(`${path}${key}`) || !(typeof field === 'string' && field.trim() === ''))
        .map(([key, field]) => [key, withoutBlanks(field, keep, `${path}${key}.`)]),
    );
  }
  return value;
}

function errorAt(errors: unknown, path: string): ErrorLike | undefined {
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], errors) as ErrorLike | undefined;
}

/**
 * A directory form validated by the channel's own zod input schema, so the form can never send
 * what main would refuse; main's answer (e.g. a conflict) is shown under the form.
 */
export function RecordForm<S extends z.ZodType>({
  schema,
  fields,
  defaults,
  submitLabel,
  onSubmit,
  onCancel,
  columns = 2,
}: {
  schema: S;
  fields: FieldSpec[];
  defaults: FieldValues;
  submitLabel: string;
  onSubmit: (values: z.output<S>) => Promise<void>;
  /** In a dialog, «Скасувати» closes it; otherwise it clears the form. */
  onCancel?: () => void;
  columns?: number;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [failure, setFailure] = useState<DeskError | null>(null);
  const keep = new Set(fields.filter((field) => field.keepBlank).map((field) => field.name));
  const resolver: Resolver<FieldValues, unknown, z.output<S>> = (values, context, options) =>
    (zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, z.output<S>>)(withoutBlanks(values, keep) as FieldValues, context, options);
  const form = useForm<FieldValues, unknown, z.output<S>>({ defaultValues: defaults, resolver });
  const { register, control, formState, handleSubmit, reset } = form;

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit(values);
      reset(defaults);
    } catch (caught) {
      setFailure(asDeskError(caught));
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} onKeyDown={enterToNext} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={columns} spacing="sm">
          {fields.map((field) => {
            const error = fieldError(errorAt(formState.errors, field.name));
            const common = { label: field.label, withAsterisk: field.required, description: field.description, error };
            switch (field.kind) {
              case 'text':
                return <TextInput key={field.name} {...common} {...register(field.name)} />;
              case 'date':
                return (
                  <Controller
                    key={field.name}
                    control={control}
                    name={field.name}
                    render={({ field: input }) => (
                      <DeskDateInput
                        label={field.label}
                        required={field.required}
                        description={field.description}
                        error={error}
                        value={typeof input.value === 'string' ? input.value : ''}
                        onChange={input.onChange}
                        onBlur={input.onBlur}
                        inputRef={input.ref}
                      />
                    )}
                  />
                );
              case 'password':
                return <PasswordInput key={field.name} autoComplete="new-password" {...common} {...register(field.name)} />;
              case 'checkbox':
                return (
                  <Controller
                    key={field.name}
                    control={control}
                    name={field.name}
                    render={({ field: input }) => (
                      <Checkbox mt="lg" label={field.label} checked={Boolean(input.value)} onChange={(event) => input.onChange(event.currentTarget.checked)} />
                    )}
                  />
                );
              case 'select':
                return (
                  <Controller
                    key={field.name}
                    control={control}
                    name={field.name}
                    render={({ field: input }) => (
                      <Select {...common} data={field.options ?? []} value={(input.value as string) || null} onChange={(value) => input.onChange(value ?? '')} allowDeselect={false} searchable />
                    )}
                  />
                );
              case 'multiselect':
                return (
                  <Controller
                    key={field.name}
                    control={control}
                    name={field.name}
                    render={({ field: input }) => <MultiSelect {...common} data={field.options ?? []} value={(input.value as string[]) ?? []} onChange={input.onChange} />}
                  />
                );
            }
          })}
        </SimpleGrid>
        <ErrorAlert error={failure} />
        <Group>
          <Button type="submit" loading={formState.isSubmitting}>
            {submitLabel}
          </Button>
          <Button variant="subtle" onClick={() => (onCancel ? onCancel() : reset(defaults))}>
            {t('ui.common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
