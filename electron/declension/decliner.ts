import type { Gender, PersonName } from '../../shared/domain/person.js';
import { normalizeApostrophe } from '../../shared/domain/validation/names.js';
import { genderFromPatronymic, isIndeclinable, softGroupSurnameForm, toLibraryApostrophe, type NameField } from './corrections.js';

/**
 * Declined forms of a person's full name for certificates: «видана гр. Шевченку Тарасу
 * Григоровичу» (dative), «… Шевченка Тараса Григоровича» (genitive). Strings are
 * «Прізвище Імʼя По батькові», apostrophes as U+02BC. `gender: null` means it could not be told
 * from the name: the forms are then left in the nominative and the interface must ask.
 */
export interface DeclinedForms {
  readonly gender: Gender | null;
  readonly nominative: string;
  readonly dative: string;
  readonly genitive: string;
}

export interface Decliner {
  decline(name: PersonName, gender?: Gender): Promise<DeclinedForms>;
}

type LibraryCase = 'dative' | 'genitive';

interface LibraryWords {
  givenName?: string;
  patronymicName?: string;
  familyName?: string;
}

/** The part of `shevchenko` we use, with its gender enum hidden behind our own `Gender`. */
export interface DeclensionLibrary {
  inflect(grammaticalCase: LibraryCase, gender: Gender, words: LibraryWords): Promise<LibraryWords>;
  detectGender(words: LibraryWords): Promise<Gender | null>;
}

export type DeclensionLibraryLoader = () => Promise<DeclensionLibrary>;

/**
 * `shevchenko` pulls in TensorFlow.js (its surname classifier), several megabytes that a user who
 * never opens a certificate form should not pay for at start-up: it is imported on first use only.
 * Its model ships inside the package (model.bundle.json) and is read from memory, never fetched.
 */
export const loadShevchenko: DeclensionLibraryLoader = async () => {
  const lib = await import('shevchenko');
  const toLibraryGender = (gender: Gender) =>
    gender === 'male' ? lib.GrammaticalGender.MASCULINE : lib.GrammaticalGender.FEMININE;
  return {
    async inflect(grammaticalCase, gender, words) {
      const input = { ...words, gender: toLibraryGender(gender) };
      return grammaticalCase === 'dative' ? lib.inDative(input) : lib.inGenitive(input);
    },
    async detectGender(words) {
      const detected = await lib.detectGender(words);
      if (detected === lib.GrammaticalGender.MASCULINE) return 'male';
      if (detected === lib.GrammaticalGender.FEMININE) return 'female';
      return null;
    },
  };
};

interface CleanName {
  readonly familyName: string;
  readonly givenName: string;
  readonly patronymic: string | undefined;
}

function clean(name: PersonName): CleanName {
  const patronymic = name.patronymic?.trim();
  return {
    familyName: normalizeApostrophe(name.familyName.trim()),
    givenName: normalizeApostrophe(name.givenName.trim()),
    patronymic: patronymic ? normalizeApostrophe(patronymic) : undefined,
  };
}

function joinFullName(familyName: string, givenName: string, patronymic: string | undefined): string {
  return [familyName, givenName, patronymic].filter((part) => part !== undefined).join(' ');
}

const LIBRARY_FIELD: Record<NameField, keyof LibraryWords> = {
  familyName: 'familyName',
  givenName: 'givenName',
  patronymic: 'patronymicName',
};

async function declineWord(
  lib: DeclensionLibrary,
  grammaticalCase: LibraryCase,
  gender: Gender,
  field: NameField,
  word: string,
): Promise<string> {
  if (isIndeclinable(word, field, gender)) return word;
  const corrected = softGroupSurnameForm(word, field, gender, grammaticalCase);
  if (corrected !== null) return corrected;
  const key = LIBRARY_FIELD[field];
  const output = await lib.inflect(grammaticalCase, gender, { [key]: toLibraryApostrophe(word) });
  return normalizeApostrophe(output[key] ?? word);
}

/**
 * Each part of a hyphenated name is declined on its own (Квітка-Основʼяненко → Квітці-Основʼяненку;
 * for a woman Косач-Квітка → Косач-Квітці), so the indeclinable rules apply per part.
 */
async function declineCompound(
  lib: DeclensionLibrary,
  grammaticalCase: LibraryCase,
  gender: Gender,
  field: NameField,
  value: string,
): Promise<string> {
  const parts = await Promise.all(
    value.split('-').map((part) => declineWord(lib, grammaticalCase, gender, field, part)),
  );
  return parts.join('-');
}

async function declineFullName(
  lib: DeclensionLibrary,
  grammaticalCase: LibraryCase,
  gender: Gender,
  name: CleanName,
): Promise<string> {
  const [familyName, givenName, patronymic] = await Promise.all([
    declineCompound(lib, grammaticalCase, gender, 'familyName', name.familyName),
    declineCompound(lib, grammaticalCase, gender, 'givenName', name.givenName),
    name.patronymic === undefined
      ? Promise.resolve(undefined)
      : declineWord(lib, grammaticalCase, gender, 'patronymic', name.patronymic),
  ]);
  return joinFullName(familyName, givenName, patronymic);
}

async function resolveGender(
  lib: DeclensionLibrary,
  name: CleanName,
  given: Gender | undefined,
): Promise<Gender | null> {
  if (given) return given;
  const fromPatronymic = genderFromPatronymic(name.patronymic);
  if (fromPatronymic) return fromPatronymic;
  return lib.detectGender({
    givenName: toLibraryApostrophe(name.givenName),
    familyName: toLibraryApostrophe(name.familyName),
  });
}

export interface DeclinerOptions {
  /** Replaced in tests; the default imports `shevchenko` on the first `decline` call. */
  readonly load?: DeclensionLibraryLoader;
}

export function createDecliner(options: DeclinerOptions = {}): Decliner {
  const load = options.load ?? loadShevchenko;
  let library: Promise<DeclensionLibrary> | null = null;

  function getLibrary(): Promise<DeclensionLibrary> {
    if (!library) {
      library = load().catch((error: unknown) => {
        // A failed import must not poison every later call.
        library = null;
        throw error;
      });
    }
    return library;
  }

  return {
    async decline(name, gender) {
      const cleaned = clean(name);
      const nominative = joinFullName(cleaned.familyName, cleaned.givenName, cleaned.patronymic);
      const lib = await getLibrary();
      const resolved = await resolveGender(lib, cleaned, gender);
      if (!resolved) return { gender: null, nominative, dative: nominative, genitive: nominative };
      const [dative, genitive] = await Promise.all([
        declineFullName(lib, 'dative', resolved, cleaned),
        declineFullName(lib, 'genitive', resolved, cleaned),
      ]);
      return { gender: resolved, nominative, dative, genitive };
    },
  };
}
