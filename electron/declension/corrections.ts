import type { Gender } from '../../shared/domain/person.js';

/**
 * Our own layer over the `shevchenko` library: the rules of Ukrainian grammar it does not apply
 * (or applies to the wrong words), checked before a word ever reaches the library. Every rule here
 * is pinned by a row in test/unit/declension/decliner.test.ts.
 *
 * Found while checking shevchenko 3.1.1 against those tests and its issue tracker
 * (github.com/tooleks/shevchenko-js): it declines foreign surnames with a stressed final vowel
 * (Дюма → «Дюмі», Гюго → «Гюгу», Пікассо → «Пікассу») and foreign given names in -о
 * («Пабло» → «Паблу»); it leaves a name with the U+02BC apostrophe undeclined («Дарʼя» stays
 * «Дарʼя» in every case) — see `toLibraryApostrophe`; and its fixed reports (#202 «Ніколь»,
 * #220 «Кожухар») are held by the same tests so an update that regresses them fails here.
 */

export type NameField = 'familyName' | 'givenName' | 'patronymic';

/**
 * Endings no Ukrainian name has: a name in -е, -є, -и, -і, -ї, -у, -ю is a borrowed one and keeps
 * its form in every case (Правопис 2019, § 140: Гарібальді, Шоу, Ротару, Вільде, Джузеппе).
 */
const FOREIGN_VOWEL_ENDING = /[еєиіїую]$/u;

/** -их/-іх surnames (Чорних, Довгих, Сивих) are old genitive plurals: indeclinable for both genders. */
const GENITIVE_PLURAL_SURNAME = /[иі]х$/u;

/**
 * Borrowed surnames ending in a stressed -а/-я/-о: indeclinable, but grammar cannot tell them from
 * Ukrainian ones (Сковорода, Франко) by spelling alone, so they are listed.
 */
const FOREIGN_INDECLINABLE_SURNAMES = new Set([
  'дюма',
  'золя',
  'гюго',
  'руссо',
  'пікассо',
  'карузо',
  'тома',
  'дега',
  'петіпа',
]);

/** Borrowed given names in -о (Ukrainian Петро, Павло, Марко decline; these do not). */
const FOREIGN_INDECLINABLE_GIVEN_NAMES = new Set([
  'пабло',
  'маріо',
  'бруно',
  'педро',
  'хуліо',
  'фернандо',
  'рікардо',
  'лоренцо',
  'антоніо',
  'франческо',
  'паоло',
  'густаво',
]);

function lastLetter(word: string): string {
  return word.slice(-1).toLocaleLowerCase('uk');
}

function isFeminineIndeclinableSurname(word: string): boolean {
  // A woman's surname declines only when it ends in -а/-я (Українка, Кобилянська, Петрова).
  // Consonant endings (Петрович, Білик, Коваль, Ужвій) and -о (Костенко, Стецько) stay as they are.
  const last = lastLetter(word);
  return last !== 'а' && last !== 'я';
}

/**
 * True when one word of a name keeps its nominative form in every case. `word` is a single part:
 * double surnames are split on the hyphen by the caller, each part judged on its own
 * (Косач-Квітка: for a woman «Косач-Квітці», for a man «Косачу-Квітці»).
 */
export function isIndeclinable(word: string, field: NameField, gender: Gender): boolean {
  const lower = word.toLocaleLowerCase('uk');
  if (FOREIGN_VOWEL_ENDING.test(lower)) return true;
  switch (field) {
    case 'familyName':
      if (GENITIVE_PLURAL_SURNAME.test(lower)) return true;
      if (FOREIGN_INDECLINABLE_SURNAMES.has(lower)) return true;
      return gender === 'female' && isFeminineIndeclinableSurname(lower);
    case 'givenName':
      return FOREIGN_INDECLINABLE_GIVEN_NAMES.has(lower);
    case 'patronymic':
      return false;
  }
}

/**
 * A man's surname that is a noun of the soft group in -ар declines as that noun: Бондар → Бондаря,
 * Бондарю (Бондареві). The rule, as the grammar of the 2nd declension's groups states it (e.g.
 * «Граматичні норми», УДПУ ім. Павла Тичини, ukris.udpu.org.ua): the soft group holds the nouns
 * with the suffix -ар, -ир stressed on the root (бо́ндар – бо́ндаря, ко́зир – ко́зиря, лі́кар –
 * лі́каря) or whose stress moves onto the ending (буква́р – букваря́, вівча́р – вівчаря́, кобза́р –
 * кобзаря́, секрета́р – секретаря́); nouns with a constantly stressed -ар are hard (база́р, гекта́р),
 * and комар, хабар, долар by exception. A surname follows its noun: «Римар, Бондар, Сухар …
 * відмінюємо як іменники м'якої групи: Бондаря, Римаря, Сухаря» (О. Пономарів, «Любомира Гузара
 * чи Гузаря?», BBC News Україна, 2017); «до м'якої групи належить частина прізвищ із суфіксом -ар:
 * Бондар – Бондаря, Грабар, Коцар, Крамар, Пушкар, Січкар, Токар, Чубар» (the same rule in the
 * textbooks of professional Ukrainian). Spelling cannot tell бондар from базар, so the agent nouns
 * of the soft group are listed as the grammar lists them. Гончар and Гайдар are left out on purpose:
 * by tradition these surnames decline hard (Олеся Гончара), as both sources say, though гончар the
 * noun is soft. shevchenko 3.1.1 knows only -екар, -етар, -зар, -ухар (Пекаря, Кобзаря, Кожухаря)
 * and prints «Бондара, Бондару». A woman's surname in a consonant does not decline (`isIndeclinable`).
 */
const SOFT_GROUP_AR_NOUNS = new Set([
  'бондар',
  'римар',
  'сухар',
  'грабар',
  'крамар',
  'пушкар',
  'січкар',
  'токар',
  'чубар',
  'коцар',
  'лихтар',
  'ліхтар',
  'лікар',
  'писар',
  'слюсар',
  'пекар',
  'аптекар',
  'кобзар',
  'кожухар',
  'решетар',
  'секретар',
  'воротар',
  'косар',
  'вівчар',
  'шинкар',
  'паламар',
  'кухар',
  'лимар',
  'дзвонар',
  'свинар',
  'бочкар',
  'книгар',
  'поштар',
  'казкар',
  'бунтар',
  'володар',
  'орендар',
]);

/** The soft-group endings: genitive -я, dative -ю (the library's choice of the two for every soft noun, as Кобзарю). */
const SOFT_GROUP_ENDINGS: Record<'dative' | 'genitive', string> = { dative: 'ю', genitive: 'я' };

/**
 * The form of a soft-group -ар surname in `grammaticalCase`, or null when the rule does not apply
 * (another field, a woman, another word). The ending follows the word's case: БОНДАР → БОНДАРЯ.
 */
export function softGroupSurnameForm(word: string, field: NameField, gender: Gender, grammaticalCase: 'dative' | 'genitive'): string | null {
  if (field !== 'familyName' || gender !== 'male') return null;
  if (!SOFT_GROUP_AR_NOUNS.has(word.toLocaleLowerCase('uk'))) return null;
  const ending = SOFT_GROUP_ENDINGS[grammaticalCase];
  const shouting = word.length > 1 && word === word.toLocaleUpperCase('uk');
  return word + (shouting ? ending.toLocaleUpperCase('uk') : ending);
}

export { genderFromPatronymic } from '../../shared/domain/gender.js';

/**
 * shevchenko's rules are written with the ASCII apostrophe: given «Дарʼя» (U+02BC) or «Дар’я» it
 * returns the word undeclined. We pass it ASCII and turn the answer back into U+02BC.
 */
export function toLibraryApostrophe(word: string): string {
  return word.replace(/[\u2019\u02BC]/gu, "'");
}
