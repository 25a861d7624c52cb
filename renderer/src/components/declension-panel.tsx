import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeclinedName, Gender, PersonName } from '../../../shared/domain/person.js';
import { checkUkrainianName } from '../../../shared/domain/validation/names.js';
import { desk } from '../desk/client.js';

export interface NameParts {
  familyName: string;
  givenName: string;
  patronymic: string;
}

const DEBOUNCE_MS = 400;

/** The name as the declension service takes it, or null while a part is still invalid. */
function validName(name: NameParts) {
  const family = checkUkrainianName(name.familyName);
  const given = checkUkrainianName(name.givenName);
  const patronymic = name.patronymic.trim() ? checkUkrainianName(name.patronymic) : null;
  if (!family.ok || !given.ok || (patronymic && !patronymic.ok)) return null;
  return { familyName: family.value, givenName: given.value, ...(patronymic?.ok ? { patronymic: patronymic.value } : {}) };
}

/**
 * The declined forms printed on the document («видана гр. Шевченку Тарасу Григоровичу»), shown
 * before issuing with a way to correct them; a hand correction is kept and marked `corrected`.
 */
export function DeclensionPanel({
  name,
  value,
  onChange,
  restore = null,
}: {
  name: NameParts;
  value: DeclinedName | null;
  onChange: (value: DeclinedName | null) => void;
  /**
   * The forms an earlier entry confirmed for a name (a reissue, a known person): for that same name
   * the gender chosen then is chosen again and hand-corrected forms are kept.
   */
  restore?: { name: PersonName; declined: DeclinedName } | null;
}) {
  const { t } = useTranslation();
  // The gender the administrator chose, for the name it was chosen for: not carried over to the next name.
  const [choice, setChoice] = useState<{ nameKey: string; gender: Gender } | null>(null);
  const [needsGender, setNeedsGender] = useState(false);
  const [failed, setFailed] = useState(false);
  const [automatic, setAutomatic] = useState<DeclinedName | null>(null);
  const corrected = value?.corrected ?? false;
  const valid = validName(name);
  const nameKey = valid ? JSON.stringify(valid) : '';
  const gender = choice?.nameKey === nameKey ? choice.gender : null;
  const key = valid ? JSON.stringify([valid, gender]) : '';
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  const restoreFor = (nameKeyAsked: string): DeclinedName | null => {
    const earlier = restore ? validName({ ...restore.name, patronymic: restore.name.patronymic ?? '' }) : null;
    return restore && earlier && JSON.stringify(earlier) === nameKeyAsked ? restore.declined : null;
  };
  const restoreRef = useRef(restoreFor);
  useEffect(() => {
    restoreRef.current = restoreFor;
  });

  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const [parsedName, chosenGender] = JSON.parse(key) as [NonNullable<ReturnType<typeof validName>>, Gender | null];
      desk
        .call('declension.decline', { ...parsedName, ...(chosenGender ? { gender: chosenGender } : {}) })
        .then((forms) => {
          if (cancelled) return;
          const restored = restoreRef.current(JSON.stringify(parsedName));
          if (forms.gender === null && chosenGender === null && restored?.gender) {
            setChoice({ nameKey: JSON.stringify(parsedName), gender: restored.gender });
            return;
          }
          setFailed(false);
          // Asked while the name does not tell it, and kept in view once answered, to be changed.
          setNeedsGender(forms.gender === null || chosenGender !== null);
          // A new name replaces any hand correction made to the previous one.
          const declined: DeclinedName = {
            nominative: forms.nominative,
            dative: forms.dative,
            genitive: forms.genitive,
            corrected: false,
            ...(forms.gender ? { gender: forms.gender } : {}),
          };
          setAutomatic(declined);
          latest.current(restored?.corrected ? restored : declined);
        })
        .catch(() => !cancelled && setFailed(true));
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // A restore arriving for the name already typed (a known person found) asks again.
  }, [key, restore]);

  useEffect(() => {
    if (!key) latest.current(null);
  }, [key]);

  const edit = (form: 'dative' | 'genitive', text: string) => value && onChange({ ...value, [form]: text, corrected: true });

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('ui.declension.title')}
        </Title>
        {!valid && <Text c="dimmed">{t('ui.declension.waiting')}</Text>}
        {failed && <Alert color="red">{t('ui.declension.failed')}</Alert>}
        {needsGender && (
          <Radio.Group label={t('ui.declension.gender')} value={gender ?? ''} onChange={(next) => setChoice({ nameKey, gender: next as Gender })}>
            <Group mt="xs">
              <Radio value="male" label={t('ui.declension.male')} />
              <Radio value="female" label={t('ui.declension.female')} />
            </Group>
          </Radio.Group>
        )}
        {valid && value && (
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label={t('ui.declension.dative')} description={t('ui.declension.dativeHint')} value={value.dative} onChange={(event) => edit('dative', event.currentTarget.value)} />
            <TextInput label={t('ui.declension.genitive')} description={t('ui.declension.genitiveHint')} value={value.genitive} onChange={(event) => edit('genitive', event.currentTarget.value)} />
          </SimpleGrid>
        )}
        {corrected && (
          <Group>
            <Text size="sm">{t('ui.declension.correctedNote')}</Text>
            <Button variant="subtle" size="sm" onClick={() => onChange(automatic)}>
              {t('ui.declension.restore')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
