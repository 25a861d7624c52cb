import 'dayjs/locale/uk';
import { useState, type ReactNode, type Ref } from 'react';
import type { MantineSize, MantineStyleProp } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { formatPrintedDate } from '../../../../shared/domain/validation/dates.js';
import { useLanguage } from '../../i18n/index.js';
import { DATE_INPUT_FORMAT, parseTypedDate } from './typed-date.js';

export interface DeskDateInputProps {
  label: string;
  /** `yyyy-mm-dd`, or '' for no date: what the forms and the shared schemas hold. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** The latest date allowed, `yyyy-mm-dd` (e.g. today for a date of birth). */
  max?: string | undefined;
  required?: boolean | undefined;
  error?: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
  size?: MantineSize;
  w?: number | string;
  style?: MantineStyleProp;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The one date field of the desk: typed day first and shown as dd.mm.yyyy in either language
 * (a native date input follows the browser's locale, e.g. mm/dd/yyyy), with a calendar in the
 * interface language under it. A text that is not a date (or is past `max`) is not kept silently:
 * the field empties and says what was wrong, so the form cannot go on with an old date.
 */
export function DeskDateInput({ label, value, onChange, onBlur, max, required, error, inputRef, ...rest }: DeskDateInputProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [rejected, setRejected] = useState<string | null>(null);
  const [calendarOpen, setCalendarOpen] = useState(false);

  const problemWith = (text: string): string | null => {
    const typed = text.trim();
    if (typed === '') return null;
    const date = parseTypedDate(typed);
    if (!date) return t('ui.dates.notADate', { text: typed });
    if (max && date > max) return t('ui.dates.notAfter', { date: formatPrintedDate(max) });
    return null;
  };

  return (
    <DateInput
      {...rest}
      ref={inputRef}
      label={label}
      withAsterisk={required}
      locale={language}
      valueFormat={DATE_INPUT_FORMAT}
      dateParser={parseTypedDate}
      placeholder={t('ui.dates.placeholder')}
      value={value || null}
      onChange={(next) => {
        setRejected(null);
        onChange(next ?? '');
      }}
      onBlur={(event) => {
        // Read before the field puts back the last good date.
        const problem = problemWith(event.currentTarget.value);
        setRejected(problem);
        if (problem && value) onChange('');
        onBlur?.();
      }}
      maxDate={max}
      allowDeselect
      firstDayOfWeek={1}
      popoverProps={{ shadow: 'md', onOpen: () => setCalendarOpen(true), onClose: () => setCalendarOpen(false) }}
      // While the calendar is open, Escape closes the calendar only: a dialog around the field
      // (e.g. the journal pages' period) skips a key its target marks so, as Mantine's own selects do.
      data-mantine-stop-propagation={calendarOpen ? 'true' : undefined}
      error={rejected ?? error}
      // The month and year buttons are named by what they show («грудень 2026»): a label of their
      // own would hide that text from speech input (WCAG 2.5.3, label in name).
      ariaLabels={{
        previousMonth: t('ui.dates.previousMonth'),
        nextMonth: t('ui.dates.nextMonth'),
        previousYear: t('ui.dates.previousYear'),
        nextYear: t('ui.dates.nextYear'),
        previousDecade: t('ui.dates.previousDecade'),
        nextDecade: t('ui.dates.nextDecade'),
      }}
    />
  );
}
