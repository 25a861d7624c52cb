import type { DeclinedName, PersonName } from '../../../shared/domain/person.js';
import type { Decliner } from '../../declension/decliner.js';
import { nameWords, type Gender, type SurnameWords } from './people.js';

/**
 * Declined names for a synthetic register, from the desk's own decliner (shevchenko and our
 * corrections). Each word is declined once up front; a full name is put together from its words,
 * as the decliner itself does (each part of a hyphenated surname on its own), so a million
 * entries cost a few thousand library calls: every surname of the pool (≈ 1,800, see
 * surnames.ts) in a man's and a woman's form, ≈ 1.5–2.5 s on the bench machine, once per
 * generated register.
 */
export interface NameDeclension {
  declined(name: PersonName, gender: Gender): DeclinedName;
  /** The genitive of a full name: «Шевченка Тараса Григоровича» (the deceased, R7.1.4). */
  genitive(name: PersonName, gender: Gender): string;
}

type Field = 'familyName' | 'givenName' | 'patronymic';
type Forms = { dative: string; genitive: string };

/** Declines the generator's name words once: every surname of the pool, or only `surnames`. */
export async function prepareDeclension(decliner: Decliner, surnames?: SurnameWords): Promise<NameDeclension> {
  const forms = new Map<string, Forms>();
  const key = (gender: Gender, field: Field, word: string) => `${gender}|${field}|${word}`;
  const lists = nameWords(surnames);
  for (const gender of ['male', 'female'] as const) {
    const of = (field: Field) => lists.find((list) => list.gender === gender && list.field === field)?.words ?? [];
    const [families, given, patronymics] = [of('familyName'), of('givenName'), of('patronymic')];
    const count = Math.max(families.length, given.length, patronymics.length);
    for (let i = 0; i < count; i += 1) {
      const name = {
        familyName: families[i % families.length] ?? '',
        givenName: given[i % given.length] ?? '',
        patronymic: patronymics[i % patronymics.length] ?? '',
      };
      const result = await decliner.decline(name, gender);
      const dative = result.dative.split(' ');
      const genitive = result.genitive.split(' ');
      (['familyName', 'givenName', 'patronymic'] as const).forEach((field, at) => {
        forms.set(key(gender, field, name[field]), { dative: dative[at] ?? name[field], genitive: genitive[at] ?? name[field] });
      });
    }
  }

  function word(gender: Gender, field: Field, value: string, grammaticalCase: keyof Forms): string {
    return value
      .split('-')
      .map((part) => {
        const known = forms.get(key(gender, field, part));
        // A word never declined would go into the register undeclined, in the nominative.
        if (!known) throw new Error(`No declension prepared for the ${gender} ${field} «${part}»`);
        return known[grammaticalCase];
      })
      .join('-');
  }

  function inCase(name: PersonName, gender: Gender, grammaticalCase: keyof Forms): string {
    return [
      word(gender, 'familyName', name.familyName, grammaticalCase),
      word(gender, 'givenName', name.givenName, grammaticalCase),
      ...(name.patronymic ? [word(gender, 'patronymic', name.patronymic, grammaticalCase)] : []),
    ].join(' ');
  }

  return {
    declined(name, gender) {
      const nominative = [name.familyName, name.givenName, name.patronymic].filter(Boolean).join(' ');
      return { nominative, dative: inCase(name, gender, 'dative'), genitive: inCase(name, gender, 'genitive'), corrected: false, gender };
    },
    genitive: (name, gender) => inCase(name, gender, 'genitive'),
  };
}
