import { describe, expect, it } from 'vitest';
import { createDecliner, type DeclensionLibrary } from '../../../electron/declension/decliner.js';
import { genderFromPatronymic, isIndeclinable, softGroupSurnameForm } from '../../../electron/declension/corrections.js';
import { nameCases } from './names.table.js';

const decliner = createDecliner();

function fullName(c: { familyName: string; givenName: string; patronymic?: string }): string {
  return [c.familyName, c.givenName, c.patronymic].filter(Boolean).join(' ');
}

describe('decline: the name table', () => {
  it('holds at least 60 real names', () => {
    expect(nameCases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(nameCases.map((c) => [fullName(c), c] as const))('%s', async (_label, c) => {
    const result = await decliner.decline(
      { familyName: c.familyName, givenName: c.givenName, ...(c.patronymic ? { patronymic: c.patronymic } : {}) },
      c.gender,
    );
    expect(result.gender).toBe(c.expectedGender);
    const datives = typeof c.dative === 'string' ? [c.dative] : c.dative;
    expect(datives).toContain(result.dative);
    expect(result.genitive).toBe(c.genitive);
    expect(result.nominative).not.toMatch(/['\u2019]/u);
  });
});

describe('decline: gender', () => {
  it('returns gender null and leaves the forms undeclined when the name does not tell (the UI asks)', async () => {
    // «Саша» is a man's and a woman's name; with no patronymic nothing decides.
    const result = await decliner.decline({ familyName: 'Бойко', givenName: 'Саша' });
    expect(result).toEqual({ gender: null, nominative: 'Бойко Саша', dative: 'Бойко Саша', genitive: 'Бойко Саша' });
  });

  it('declines the same ambiguous name once the administrator says the gender', async () => {
    const asMan = await decliner.decline({ familyName: 'Бойко', givenName: 'Саша' }, 'male');
    const asWoman = await decliner.decline({ familyName: 'Бойко', givenName: 'Саша' }, 'female');
    expect([asMan.dative, asMan.genitive]).toEqual(['Бойку Саші', 'Бойка Саші']);
    expect([asWoman.dative, asWoman.genitive]).toEqual(['Бойко Саші', 'Бойко Саші']);
  });

  it('takes the gender from the patronymic before asking the library', async () => {
    const calls: string[] = [];
    const library: DeclensionLibrary = {
      async inflect(_case, _gender, words) {
        return words;
      },
      async detectGender() {
        calls.push('detectGender');
        return 'female';
      },
    };
    const result = await createDecliner({ load: async () => library }).decline({
      familyName: 'Бойко',
      givenName: 'Саша',
      patronymic: 'Петрович',
    });
    expect(result.gender).toBe('male');
    expect(calls).toEqual([]);
  });

  it.each([
    ['Григорович', 'male'],
    ['Миколайович', 'male'],
    ['Ілліч', 'male'],
    ['Савич', 'male'],
    ['Петрівна', 'female'],
    ['Миколаївна', 'female'],
    ['Кузьминична', 'female'],
    ['', null],
    ['Оглы', null],
  ] as const)('patronymic %s → %s', (patronymic, gender) => {
    expect(genderFromPatronymic(patronymic)).toBe(gender);
  });
});

describe('corrections: indeclinable words', () => {
  it.each([
    ['Костенко', 'female', true],
    ['Костенко', 'male', false],
    ['Петрович', 'female', true],
    ['Петрович', 'male', false],
    ['Чорних', 'male', true],
    ['Довгіх', 'female', true],
    ['Гюго', 'male', true],
    ['Франко', 'male', false],
    ['Українка', 'female', false],
    ['Гарібальді', 'male', true],
  ] as const)('surname %s (%s) indeclinable: %s', (word, gender, expected) => {
    expect(isIndeclinable(word, 'familyName', gender)).toBe(expected);
  });
});

describe('lazy loading', () => {
  it('does not load the library until the first decline, and loads it once', async () => {
    let loads = 0;
    const library: DeclensionLibrary = {
      async inflect(_case, _gender, words) {
        return words;
      },
      async detectGender() {
        return 'male';
      },
    };
    const lazy = createDecliner({
      load: async () => {
        loads += 1;
        return library;
      },
    });
    expect(loads).toBe(0);
    await lazy.decline({ familyName: 'Стус', givenName: 'Василь' });
    await lazy.decline({ familyName: 'Стус', givenName: 'Василь' });
    expect(loads).toBe(1);
  });

  it('retries the import after a failed load', async () => {
    let attempts = 0;
    const flaky = createDecliner({
      load: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('disk error');
        return { inflect: async (_c, _g, words) => words, detectGender: async () => 'male' };
      },
    });
    await expect(flaky.decline({ familyName: 'Стус', givenName: 'Василь' })).rejects.toThrow('disk error');
    await expect(flaky.decline({ familyName: 'Стус', givenName: 'Василь' })).resolves.toMatchObject({ gender: 'male' });
  });
});

/**
 * Surnames in -ар of the soft group, from the rule's sources (see `softGroupSurnameForm`): Пономарів
 * (Бондар, Римар, Сухар soft; Гончар and Гузар hard), the textbook rule (Грабар, Крамар, Пушкар,
 * Токар, Чубар soft), the grammar of the groups (комар hard by exception; Ігор, Лазар soft).
 */
describe('corrections: surnames in -ар of the soft group', () => {
  it.each([
    ['Бондар', 'Іван', 'Петрович', ['Бондарю Івану Петровичу', 'Бондареві Іванові Петровичу'], 'Бондаря Івана Петровича'],
    ['Римар', 'Степан', 'Іванович', ['Римарю Степану Івановичу', 'Римареві Степанові Івановичу'], 'Римаря Степана Івановича'],
    ['Сухар', 'Богдан', 'Олегович', ['Сухарю Богдану Олеговичу', 'Сухареві Богданові Олеговичу'], 'Сухаря Богдана Олеговича'],
    ['Грабар', 'Микола', 'Іванович', ['Грабарю Миколі Івановичу', 'Грабареві Миколі Івановичу'], 'Грабаря Миколи Івановича'],
    ['Крамар', 'Петро', 'Васильович', ['Крамарю Петру Васильовичу', 'Крамареві Петрові Васильовичу'], 'Крамаря Петра Васильовича'],
    ['Пушкар', 'Ігор', 'Миколайович', ['Пушкарю Ігорю Миколайовичу', 'Пушкареві Ігореві Миколайовичу'], 'Пушкаря Ігоря Миколайовича'],
    ['Токар', 'Василь', 'Петрович', ['Токарю Василю Петровичу', 'Токареві Василеві Петровичу'], 'Токаря Василя Петровича'],
    ['Пекар', 'Лазар', 'Іванович', ['Пекарю Лазарю Івановичу', 'Пекареві Лазареві Івановичу'], 'Пекаря Лазаря Івановича'],
    ['Кобзар', 'Тарас', 'Петрович', ['Кобзарю Тарасу Петровичу', 'Кобзареві Тарасові Петровичу'], 'Кобзаря Тараса Петровича'],
    ['Лихтар', 'Андрій', 'Іванович', ['Лихтарю Андрію Івановичу', 'Лихтареві Андрієві Івановичу'], 'Лихтаря Андрія Івановича'],
    ['Бондар-Кобзар', 'Іван', 'Іванович', ['Бондарю-Кобзарю Івану Івановичу', 'Бондареві-Кобзареві Іванові Івановичу'], 'Бондаря-Кобзаря Івана Івановича'],
  ] as const)('a man: %s declines softly', async (familyName, givenName, patronymic, datives, genitive) => {
    const forms = await decliner.decline({ familyName, givenName, patronymic });
    expect(forms.gender).toBe('male');
    expect(datives).toContain(forms.dative);
    expect(forms.genitive).toBe(genitive);
  });

  it.each([
    // By tradition hard, though the noun гончар is soft: «Олеся Гончара».
    ['Гончар', 'Олесь', 'Терентійович', ['Гончару Олесю Терентійовичу', 'Гончарові Олесеві Терентійовичу'], 'Гончара Олеся Терентійовича'],
    // Гузар, like гусар, and комар are hard.
    ['Гузар', 'Любомир', 'Іванович', ['Гузару Любомиру Івановичу', 'Гузарові Любомирові Івановичу'], 'Гузара Любомира Івановича'],
    ['Комар', 'Іван', 'Петрович', ['Комару Івану Петровичу', 'Комарові Іванові Петровичу'], 'Комара Івана Петровича'],
    // Given names Макар and Захар are hard: the rule is the surname's, not the ending's.
    ['Шевчук', 'Макар', 'Захарович', ['Шевчуку Макару Захаровичу', 'Шевчукові Макарові Захаровичу'], 'Шевчука Макара Захаровича'],
    ['Бондар', 'Захар', 'Макарович', ['Бондарю Захару Макаровичу', 'Бондареві Захарові Макаровичу'], 'Бондаря Захара Макаровича'],
  ] as const)('a man: %s %s keeps the hard group where the sources say so', async (familyName, givenName, patronymic, datives, genitive) => {
    const forms = await decliner.decline({ familyName, givenName, patronymic });
    expect(datives).toContain(forms.dative);
    expect(forms.genitive).toBe(genitive);
  });

  it.each([
    ['Бондар', 'Олена', 'Петрівна', 'Бондар Олені Петрівні', 'Бондар Олени Петрівни'],
    ['Кобзар', 'Марія', 'Іванівна', 'Кобзар Марії Іванівні', 'Кобзар Марії Іванівни'],
    ['Римар', 'Ольга', 'Степанівна', 'Римар Ользі Степанівні', 'Римар Ольги Степанівни'],
  ] as const)('a woman: %s does not decline', async (familyName, givenName, patronymic, dative, genitive) => {
    const forms = await decliner.decline({ familyName, givenName, patronymic });
    expect(forms.gender).toBe('female');
    expect([forms.dative, forms.genitive]).toEqual([dative, genitive]);
  });

  it('applies to surnames of men only, in the word\'s own letter case', () => {
    expect(softGroupSurnameForm('БОНДАР', 'familyName', 'male', 'genitive')).toBe('БОНДАРЯ');
    expect(softGroupSurnameForm('Бондар', 'familyName', 'female', 'dative')).toBeNull();
    expect(softGroupSurnameForm('Макар', 'givenName', 'male', 'dative')).toBeNull();
    expect(softGroupSurnameForm('Базар', 'familyName', 'male', 'dative')).toBeNull();
  });
});
