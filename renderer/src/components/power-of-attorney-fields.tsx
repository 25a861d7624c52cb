import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/contract/errors.js';
import type { EntryRecord, PowerOfAttorney } from '../../../shared/domain/entry.js';
import { FREE_TEXT_CHARACTERS, hasUnprintableCharacters } from '../../../shared/domain/validation/free-text.js';
import { kyivToday } from '../i18n/format.js';
import { DeskDateInput } from './form/date-input.js';

export type ProxyField = keyof PowerOfAttorney;
const PROXY_FIELDS: readonly ProxyField[] = ['number', 'date', 'issuer'];

/** The power of attorney as typed: empty strings until filled. */
export type ProxyDraft = Record<ProxyField, string>;

/**
 * What the entry already says about the power of attorney: the one presented with the
 * application (R7.4.4) when the representative who applied also receives the document.
 */
export function proxyDraftOf(entry: EntryRecord): ProxyDraft {
  const presented = entry.content.documents.find((doc) => doc.type === 'power_of_attorney');
  return { number: presented?.number ?? '', date: '', issuer: presented?.issuer ?? '' };
}

/** The message key of what is wrong with a field, or null; main checks the same again (and the date against its own today). */
export function proxyProblem(draft: ProxyDraft, field: ProxyField, today: string): string | null {
  const value = draft[field].trim();
  if (value === '') return `ui.handover.${field}Required`;
  if (hasUnprintableCharacters(value)) return FREE_TEXT_CHARACTERS;
  if (field === 'date' && value > today) return 'validation.powerOfAttorney.future';
  return null;
}

export function proxyComplete(draft: ProxyDraft, today: string): boolean {
  return PROXY_FIELDS.every((field) => proxyProblem(draft, field, today) === null);
}

/** Main's refusal of one of the fields (its detail path `powerOfAttorney.<field>`), as a message key. */
function refusedField(failure: DeskError | null, field: ProxyField): string | null {
  return failure?.details?.find((detail) => detail.path === `powerOfAttorney.${field}`)?.messageKey ?? null;
}

/**
 * Number, date and issuer of the power of attorney a representative shows on receiving the
 * document. A field says what is wrong once it was left (or the form was confirmed), not before.
 */
export function PowerOfAttorneyFields({
  draft,
  onChange,
  shown,
  onLeave,
  failure,
}: {
  draft: ProxyDraft;
  onChange: (draft: ProxyDraft) => void;
  /** Fields whose problems are shown: left once, or all after a confirm. */
  shown: ReadonlySet<ProxyField>;
  onLeave: (field: ProxyField) => void;
  failure: DeskError | null;
}) {
  const { t } = useTranslation();
  const today = kyivToday();
  const error = (field: ProxyField) => {
    const key = (shown.has(field) ? proxyProblem(draft, field, today) : null) ?? refusedField(failure, field);
    return key ? t(key) : undefined;
  };
  const set = (field: ProxyField) => (value: string) => onChange({ ...draft, [field]: value });
  return (
    <Stack gap="xs" role="group" aria-label={t('ui.handover.powerOfAttorney')}>
      <Text fw={600}>{t('ui.handover.powerOfAttorney')}</Text>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          label={t('ui.handover.proxyNumber')}
          withAsterisk
          value={draft.number}
          onChange={(event) => set('number')(event.currentTarget.value)}
          onBlur={() => onLeave('number')}
          error={error('number')}
        />
        <DeskDateInput label={t('ui.handover.proxyDate')} required max={today} value={draft.date} onChange={set('date')} onBlur={() => onLeave('date')} error={error('date')} />
      </SimpleGrid>
      <TextInput
        label={t('ui.handover.proxyIssuer')}
        description={t('ui.handover.proxyIssuerHint')}
        withAsterisk
        value={draft.issuer}
        onChange={(event) => set('issuer')(event.currentTarget.value)}
        onBlur={() => onLeave('issuer')}
        error={error('issuer')}
      />
    </Stack>
  );
}

export const ALL_PROXY_FIELDS: ReadonlySet<ProxyField> = new Set(PROXY_FIELDS);
