import type { ReactNode } from 'react';
import { Group, Radio, SimpleGrid } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { kyivToday } from '../../i18n/format.js';
import { DateField } from './date-field.js';
import { NameFields } from './name-fields.js';

interface TypedName {
  familyName: string;
  givenName: string;
  patronymic: string;
}

/** The part of a form these fields fill (the issue form and the certify form both have it). */
export interface PersonFormValues {
  subject: { name: TypedName; birthDate: string };
  applicant: { actsAs: 'self' | 'representative'; name: TypedName };
}

/**
 * The person the paper is about and who applies: the person, or a representative whose power of
 * attorney the checklist then asks for (R7.4.4 when issuing, R7.6.4 when certifying).
 * `besideBirthDate` holds the form's own fields next to the date of birth.
 */
export function PersonFields({ besideBirthDate }: { besideBirthDate?: ReactNode }) {
  const { t } = useTranslation();
  const { control } = useFormContext<PersonFormValues>();
  const actsAs = useWatch({ control, name: 'applicant.actsAs' });
  return (
    <>
      <NameFields<PersonFormValues> prefix="subject.name" />
      <SimpleGrid cols={3} spacing="sm">
        <DateField<PersonFormValues> name="subject.birthDate" label={t('ui.person.birthDate')} max={kyivToday()} />
        {besideBirthDate}
      </SimpleGrid>
      <Controller
        control={control}
        name="applicant.actsAs"
        render={({ field }) => (
          <Radio.Group label={t('ui.issue.applicant')} value={field.value} onChange={field.onChange}>
            <Group mt="xs">
              <Radio value="self" label={t('ui.issue.applicantSelf')} />
              <Radio value="representative" label={t('ui.issue.applicantRepresentative')} />
            </Group>
          </Radio.Group>
        )}
      />
      {actsAs === 'representative' && <NameFields<PersonFormValues> prefix="applicant.name" />}
    </>
  );
}
