import { describe, expect, it } from 'vitest';
import { CITY, householdOf, VILLAGES_A } from '../../../electron/app/synthetic/people.js';
import { Random } from '../../../electron/app/synthetic/random.js';
import { drawSurname, feminineOf, SURNAME_SHARES, SURNAMES } from '../../../electron/app/synthetic/surnames.js';

/**
 * The synthetic register's surnames (the benchmark asks for realistic Ukrainian names): a town where the
 * commonest surname is a fraction of a percent of the households, not one in seventy, and where
 * names with ʼ, ґ, є, ї and wives' double surnames occur.
 */

const HOUSEHOLDS = 20_000;

/** The pool entry a written surname belongs to, whichever its gender. */
const entryOf = new Map<string, number>();
SURNAMES.forEach(([male, female], index) => {
  if (!entryOf.has(male)) entryOf.set(male, index);
  if (!entryOf.has(female)) entryOf.set(female, index);
});

function sampleHouseholds(seed: number) {
  return Array.from({ length: HOUSEHOLDS }, (_, index) => householdOf(seed, index, index % 2 ? CITY : VILLAGES_A));
}

describe('the generator’s surnames', () => {
  const households = sampleHouseholds(31);
  const heads = households.map((household) => household.members[0]?.name.familyName ?? '');

  it('are spread as in a real town: the commonest under 1 % of households, over a thousand distinct', () => {
    const counts = new Map<number, number>();
    for (const surname of heads) {
      const entry = entryOf.get(surname);
      expect(entry, surname).toBeDefined();
      counts.set(entry ?? -1, (counts.get(entry ?? -1) ?? 0) + 1);
    }
    const commonest = Math.max(...counts.values());
    expect(commonest / HOUSEHOLDS).toBeLessThan(0.01);
    expect(counts.size).toBeGreaterThanOrEqual(1_000);
    // The hundred commonest together: a few percent of the households (≈ 8 % in Ukraine), not all of them.
    const top100 = [...counts.values()].sort((a, b) => b - a).slice(0, 100).reduce((sum, count) => sum + count, 0);
    expect(top100 / HOUSEHOLDS).toBeLessThan(0.15);
  });

  it('have shares that add up to one, the commonest at ≈ 0.25 %, and are drawn as weighted', () => {
    expect(SURNAME_SHARES).toHaveLength(SURNAMES.length);
    expect(SURNAME_SHARES.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 9);
    expect(SURNAME_SHARES[0]).toBeCloseTo(0.0025, 4);
    for (let i = 1; i < 100; i += 1) expect(SURNAME_SHARES[i]).toBeLessThanOrEqual(SURNAME_SHARES[i - 1] ?? 1);
    const random = new Random(5);
    const draws = 200_000;
    let melnyk = 0;
    for (let i = 0; i < draws; i += 1) if (drawSurname(random)[0] === 'Мельник') melnyk += 1;
    expect(melnyk / draws).toBeGreaterThan(0.0018);
    expect(melnyk / draws).toBeLessThan(0.0032);
  });

  it('include names with ʼ, ґ, є, ї, and wives with double surnames', () => {
    const pool = SURNAMES.flat();
    for (const letter of ['ʼ', 'ґ', 'є', 'ї']) expect(pool.some((name) => name.toLocaleLowerCase('uk').includes(letter)), letter).toBe(true);
    const written = households.flatMap((household) => household.members.map((member) => member.name.familyName));
    for (const letter of ['ʼ', 'ґ', 'є', 'ї']) expect(written.some((name) => name.toLocaleLowerCase('uk').includes(letter)), letter).toBe(true);
    const doubles = written.filter((name) => name.includes('-'));
    expect(doubles.length).toBeGreaterThan(HOUSEHOLDS / 100);
    for (const name of doubles) for (const part of name.split('-')) expect(entryOf.has(part), name).toBe(true);
  });

  it('are well formed, each once, with a woman’s form that agrees with the man’s', () => {
    const males = SURNAMES.map(([male]) => male);
    expect(new Set(males).size).toBe(males.length);
    for (const [male, female] of SURNAMES) {
      expect(male, male).toMatch(/^[А-ЩЬЮЯҐЄІЇ][а-щьюяґєії]*(ʼ[а-щьюяґєії]+)?[а-щьюяґєії]$/u);
      if (male.endsWith('ький') || male.endsWith('ський')) expect(female, male).toBe(`${male.slice(0, -2)}а`);
      if (/(ов|ев|єв|ін|їн)$/u.test(male)) expect(female, male).toBe(`${male}а`);
      if (/(енко|ук|юк|ишин|ів|ець|ак|як)$/u.test(male)) expect(female, male).toBe(male);
    }
    expect(feminineOf('Кошовий')).toBe('Кошова');
    expect(feminineOf('Соколов')).toBe('Соколова');
    expect(feminineOf('Гнатишин')).toBe('Гнатишин');
    expect(feminineOf('Іванів')).toBe('Іванів');
  });

  it('come out the same for the same seed and household', () => {
    expect(sampleHouseholds(31).slice(0, 50)).toEqual(households.slice(0, 50));
    expect(sampleHouseholds(32).slice(0, 50)).not.toEqual(households.slice(0, 50));
  });
});
