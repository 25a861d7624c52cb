import { describe, expect, it } from 'vitest';
import { createDecliner, type DeclensionLibrary } from '../../../electron/declension/decliner.js';
import { genderFromPatronymic, isIndeclinable } from '../../../electron/declension/corrections.js';
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
