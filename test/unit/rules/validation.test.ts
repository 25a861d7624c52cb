import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressInputSchema, apartmentSchema, houseNumberSchema } from '../../../shared/domain/validation/address.js';
import { birthDateSchema, calendarDateSchema, fullYearsBetween, isValidIsoDate } from '../../../shared/domain/validation/dates.js';
import {
  civilCertificateSeriesSchema,
  idCardNumberSchema,
  passportNumberSchema,
  passportSeriesSchema,
  presentedDocumentInputSchema,
  residencePermitNumberSchema,
  rnokppCheckDigit,
  rnokppSchema,
  unzrCheckDigit,
  unzrSchema,
} from '../../../shared/domain/validation/documents.js';
import { normalizeApostrophes } from '../../../shared/domain/text.js';
import { personNameInputSchema, ukrainianNameSchema } from '../../../shared/domain/validation/names.js';
import en from '../../../shared/i18n/rules.en.js';
import uk from '../../../shared/i18n/rules.uk.js';

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

const UPPER = [...'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЮЯ'];
const LOWER = [...'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'];
const lowerLetters = (min: number, max: number) => fc.array(fc.constantFrom(...LOWER), { minLength: min, maxLength: max }).map((a) => a.join(''));
/** A capitalised part, optionally with one apostrophe between letters typed in any accepted form. */
const namePart = fc
  .tuple(fc.constantFrom(...UPPER), lowerLetters(1, 8), fc.option(fc.tuple(fc.constantFrom("'", '’', 'ʼ'), lowerLetters(1, 6))))
  .map(([first, rest, tail]) => first + rest + (tail ? tail[0] + tail[1] : ''));
const validName = fc.array(namePart, { minLength: 1, maxLength: 2 }).map((parts) => parts.join('-'));

describe('Ukrainian names', () => {
  it.each([
    ['Шевченко', 'Шевченко'],
    ["Мар'яна", 'Марʼяна'],
    ['Мар’яна', 'Марʼяна'],
    ['  Ґудзь ', 'Ґудзь'],
    ['Квітка-Основʼяненко', 'Квітка-Основʼяненко'],
    ['ШЕВЧЕНКО', 'Шевченко'],
    ['їжак', 'Їжак'],
  ])('accepts %s as %s', (input, output) => {
    expect(ukrainianNameSchema.parse(input)).toBe(output);
  });

  it.each([
    ['Шевчeнко', 'validation.name.latinLetters'], // Latin e
    ['Пaвло', 'validation.name.latinLetters'], // Latin a
    ['Іван1', 'validation.name.digits'],
    ['Эдуард', 'validation.name.russianLetters'],
    ['Артём', 'validation.name.russianLetters'],
    ['Подъячий', 'validation.name.russianLetters'],
    ['Мар\'\'яна', 'validation.name.apostrophePosition'],
    ["'Олена", 'validation.name.apostrophePosition'],
    ['Олена-', 'validation.name.hyphenPosition'],
    ['Іван Петро', 'validation.name.invalidCharacters'],
    ['шЕвченко', 'validation.name.capitalisation'],
    ['Я', 'validation.name.tooShort'],
    ['', 'validation.name.empty'],
    ['Ф'.repeat(61), 'validation.name.tooLong'],
  ])('rejects %s with %s', (input, message) => {
    expect(firstMessage(ukrainianNameSchema.safeParse(input))).toBe(message);
  });

  it('every generated valid name is accepted, normalised to U+02BC, and normalisation is idempotent', () => {
    fc.assert(
      fc.property(validName, (input) => {
        const once = ukrainianNameSchema.parse(input);
        expect(once).toBe(normalizeApostrophes(input));
        expect(once).not.toMatch(/['’]/);
        expect(ukrainianNameSchema.parse(once)).toBe(once);
      }),
    );
  });

  it('a Latin look-alike anywhere in a valid name is rejected', () => {
    const lookAlikes = [...'aceiopxyACEHIKMOPTXB'];
    fc.assert(
      fc.property(validName, fc.nat(), fc.constantFrom(...lookAlikes), (valid, at, latin) => {
        const chars = [...valid];
        const index = at % chars.length;
        chars[index] = latin;
        expect(firstMessage(ukrainianNameSchema.safeParse(chars.join('')))).toBe('validation.name.latinLetters');
      }),
    );
  });

  it('personNameInputSchema: optional patronymic, empty means none', () => {
    expect(personNameInputSchema.parse({ familyName: 'Шевченко', givenName: 'тарас', patronymic: '' })).toEqual({
      familyName: 'Шевченко',
      givenName: 'Тарас',
      patronymic: undefined,
    });
    expect(personNameInputSchema.safeParse({ familyName: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорoвич' }).success).toBe(false);
  });

  it('personNameInputSchema: an empty part is named (surname or given name), not a generic «Вкажіть імʼя»', () => {
    const issues = (name: { familyName: string; givenName: string }) =>
      personNameInputSchema.safeParse(name).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
    expect(issues({ familyName: ' ', givenName: 'Тарас' })).toEqual(['familyName: validation.name.familyNameEmpty']);
    expect(issues({ familyName: 'Шевченко', givenName: '' })).toEqual(['givenName: validation.name.givenNameEmpty']);
    expect(issues({ familyName: 'Шевченк0', givenName: 'Тарас' })).toEqual(['familyName: validation.name.digits']);
  });
});

describe('dates', () => {
  const today = '2025-03-10';
  it('calendar dates must exist', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(firstMessage(calendarDateSchema.safeParse('2023-13-01'))).toBe('validation.date.invalid');
    expect(firstMessage(calendarDateSchema.safeParse('01.02.2023'))).toBe('validation.date.format');
  });

  it('a date of birth is not in the future and not over 130 years ago', () => {
    const schema = birthDateSchema(today);
    expect(schema.safeParse(today).success).toBe(true);
    expect(firstMessage(schema.safeParse('2025-03-11'))).toBe('validation.birthDate.future');
    expect(schema.safeParse('1895-03-10').success).toBe(true);
    expect(firstMessage(schema.safeParse('1895-03-09'))).toBe('validation.birthDate.tooOld');
  });

  it('property: every accepted date of birth gives an age between 0 and 130', () => {
    const dates = fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, (date) => {
        const accepted = birthDateSchema(today).safeParse(date).success;
        const age = fullYearsBetween(date, today);
        // «Not over 130 years ago»: someone who turned 130 before today was born over 130 years ago.
        expect(accepted).toBe(date <= today && (age < 130 || (age === 130 && date.slice(5) === today.slice(5))));
      }),
    );
  });
});

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const flipDigit = (value: string, index: number, delta: number) =>
  value.slice(0, index) + String((Number(value[index]) + delta) % 10) + value.slice(index + 1);

describe('РНОКПП (check digit: weights −1,5,7,9,4,6,10,5,7; mod 11; mod 10)', () => {
  it('accepts the published example and rejects it with another check digit', () => {
    expect(rnokppSchema.parse('1759013776')).toBe('1759013776');
    expect(firstMessage(rnokppSchema.safeParse('1759013770'))).toBe('validation.rnokpp.checkDigit');
    expect(firstMessage(rnokppSchema.safeParse('175901377'))).toBe('validation.rnokpp.format');
  });

  it('property: a number with its computed check digit is accepted; changing the check digit is rejected', () => {
    fc.assert(
      fc.property(digits(9), fc.integer({ min: 1, max: 9 }), (body, delta) => {
        const check = rnokppCheckDigit(body);
        expect(rnokppSchema.safeParse(`${body}${check}`).success).toBe(true);
        expect(rnokppSchema.safeParse(`${body}${(check + delta) % 10}`).success).toBe(false);
      }),
    );
  });

  it('property: changing one of the first nine digits breaks the check (unless its weight makes it invisible mod 11 mod 10)', () => {
    fc.assert(
      fc.property(digits(9), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (body, index, delta) => {
        const valid = `${body}${rnokppCheckDigit(body)}`;
        const flipped = flipDigit(valid, index, delta);
        const stillValid = rnokppCheckDigit(flipped.slice(0, 9)) === Number(flipped[9]);
        expect(rnokppSchema.safeParse(flipped).success).toBe(stillValid);
      }),
    );
  });
});

describe('УНЗР (YYYYMMDD-NNNNC, ICAO 9303 weights 7,3,1 mod 10)', () => {
  const birthDates = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
  const sequence = fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0'));

  it('the check digit follows the worked ICAO example (digits only)', () => {
    // ICAO Doc 9303 worked example for a date: 520727 → 5·7+2·3+0·1+7·7+2·3+7·1 = 103 → 3.
    expect(unzrCheckDigit('520727')).toBe(3);
  });

  it('property: computed check digit accepted (with or without the hyphen); any single changed digit rejected', () => {
    fc.assert(
      fc.property(birthDates, sequence, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (date, seq, index, delta) => {
        const twelve = date + seq;
        const check = unzrCheckDigit(twelve);
        const valid = `${date}-${seq}${check}`;
        expect(unzrSchema.parse(valid)).toBe(valid);
        expect(unzrSchema.parse(`${twelve}${check}`)).toBe(valid);
        // Weights 7, 3, 1 are prime to 10: one changed digit always changes the sum mod 10.
        const flipped = flipDigit(twelve, index, delta);
        expect(unzrSchema.safeParse(`${flipped.slice(0, 8)}-${flipped.slice(8)}${check}`).success).toBe(false);
        expect(unzrSchema.safeParse(`${date}-${seq}${(check + delta) % 10}`).success).toBe(false);
      }),
    );
  });

  it('the date part must be a real date', () => {
    const twelve = '199902300001';
    expect(firstMessage(unzrSchema.safeParse(`19990230-0001${unzrCheckDigit(twelve)}`))).toBe('validation.unzr.date');
  });
});

describe('document numbers', () => {
  it.each([
    [passportSeriesSchema, 'кв', true],
    [passportSeriesSchema, 'KB', false], // Latin K and B
    [passportNumberSchema, '123456', true],
    [passportNumberSchema, '12345', false],
    [idCardNumberSchema, '001234567', true],
    [idCardNumberSchema, '00123456', false],
    [residencePermitNumberSchema, '123456789', true],
    [civilCertificateSeriesSchema, 'I-БП', true],
    [civilCertificateSeriesSchema, 'І-БП', true], // Cyrillic І
    [civilCertificateSeriesSchema, 'XIV-ЖС', true],
    [civilCertificateSeriesSchema, 'I-BP', false], // Latin letters
    [civilCertificateSeriesSchema, 'IБП', false],
  ] as const)('%#: %s', (schema, input, ok) => {
    expect(schema.safeParse(input).success).toBe(ok);
  });

  it('a presented document is checked by its type, УНЗР only on cards', () => {
    const card = presentedDocumentInputSchema.safeParse({ requirementId: 'identity', type: 'id_card', number: '001234567', recordNumber: '19990101-00012' });
    expect(card.success).toBe(false);
    const twelve = '199901010001';
    const good = presentedDocumentInputSchema.parse({ requirementId: 'identity', type: 'id_card', number: ' 001234567 ', recordNumber: `${twelve}${unzrCheckDigit(twelve)}` });
    expect(good).toEqual({ requirementId: 'identity', type: 'id_card', number: '001234567', recordNumber: `19990101-0001${unzrCheckDigit(twelve)}` });
    expect(presentedDocumentInputSchema.safeParse({ requirementId: 'identity', type: 'passport_book', series: 'KB', number: '123456' }).success).toBe(false);
    expect(presentedDocumentInputSchema.safeParse({ requirementId: 'housing_records', type: 'house_book' }).success).toBe(true);
  });
});

describe('addresses', () => {
  it.each([
    ['12', '12'],
    ['12а', '12-А'],
    ['12-А', '12-А'],
    ['12/3', '12/3'],
    ['12 / 3б', '12/3-Б'],
  ])('house %s → %s', (input, output) => {
    expect(houseNumberSchema.parse(input)).toBe(output);
  });

  it.each(['', 'А', '12A', '12-AB', '12//3'])('rejects house %s', (input) => {
    expect(houseNumberSchema.safeParse(input).success).toBe(false);
  });

  it('a full address; empty optional parts are absent', () => {
    expect(addressInputSchema.parse({ settlement: ' м.  Глухів ', street: "вул. Кирило-Мефодіївська", house: '5а', building: '', apartment: '7' })).toEqual({
      settlement: 'м. Глухів',
      street: 'вул. Кирило-Мефодіївська',
      house: '5-А',
      building: undefined,
      apartment: '7',
    });
    expect(apartmentSchema.safeParse('кв. 7').success).toBe(false);
  });
});

describe('i18n: uk and en have identical keys', () => {
  const keys = (node: object, prefix = ''): string[] =>
    Object.entries(node).flatMap(([key, value]) => (typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]));
  it('same key set', () => {
    expect(keys(en).sort()).toEqual(keys(uk).sort());
  });
});
