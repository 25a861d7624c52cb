import { useEffect, useState } from 'react';
import { Autocomplete } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@mantine/hooks';
import { desk } from '../../desk/client.js';
import { useFieldError } from '../../components/field-error.js';

interface Suggestion {
  id: string;
  label: string;
}

/** Any form with an address block (issue, certification). */
interface WithAddress {
  address: { settlement: string; street: string; streetId: string };
}

/**
 * The street, typed freely or chosen from the directory's suggestions (its id kept for reports).
 * Once a settlement is typed, only its streets are suggested; main does the matching.
 */
export function StreetInput() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { control, setValue, formState } = useFormContext<WithAddress>();
  const street = useWatch({ control, name: 'address.street' });
  const settlement = useWatch({ control, name: 'address.settlement' });
  const [query] = useDebouncedValue(street, 250);
  const [typedSettlement] = useDebouncedValue(settlement.trim(), 250);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);

  useEffect(() => {
    if (query.trim().length < 2) return;
    let cancelled = false;
    desk
      .call('directories.streets.suggest', { query: query.trim(), limit: 8, ...(typedSettlement ? { settlement: typedSettlement } : {}) })
      .then((found) => !cancelled && setSuggestions(found.map((item) => ({ id: item.id, label: item.label }))))
      .catch(() => !cancelled && setSuggestions([]));
    return () => {
      cancelled = true;
    };
  }, [query, typedSettlement]);

  return (
    <Autocomplete
      label={t('ui.address.street')}
      value={street}
      data={query.trim().length < 2 ? [] : [...new Set(suggestions.map((item) => item.label))]}
      // The directory already matched the text, folding case, apostrophes (ʼ, ', ’) and words like «вулиця»;
      // filtering its answer again by plain substring would hide «вул. Вʼячеслава Чорновола» from «В'яче».
      filter={({ options }) => options}
      onChange={(value) => {
        const chosen = suggestions.find((item) => item.label === value);
        setValue('address.street', value, { shouldDirty: true });
        setValue('address.streetId', chosen?.id ?? '');
      }}
      error={fieldError(formState.errors.address?.street)}
    />
  );
}
