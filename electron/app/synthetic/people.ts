import type { HouseholdMember, PersonName, Relation } from '../../../shared/domain/person.js';
import { normalizeApostrophes } from '../../../shared/domain/text.js';
import { Random } from './random.js';
import { drawSurname, SURNAMES } from './surnames.js';

/**
 * People and homes of a synthetic register: Ukrainian names as people write them (apostrophes,
 * ґ/є/ї, double surnames), stored with U+02BC as the desk stores them after validation. A
 * household's surname is drawn as often as a Ukrainian town has it (surnames.ts).
 */

const clean = (names: readonly string[]) => names.map(normalizeApostrophes);

/** A father's given name and the patronymics of his son and daughter. */
const FATHERS: readonly (readonly [string, string, string])[] = ([
  ['Олександр', 'Олександрович', 'Олександрівна'],
  ['Андрій', 'Андрійович', 'Андріївна'],
  ['Сергій', 'Сергійович', 'Сергіївна'],
  ['Володимир', 'Володимирович', 'Володимирівна'],
  ['Дмитро', 'Дмитрович', 'Дмитрівна'],
  ['Микола', 'Миколайович', 'Миколаївна'],
  ['Іван', 'Іванович', 'Іванівна'],
  ['Василь', 'Васильович', 'Василівна'],
  ['Петро', 'Петрович', 'Петрівна'],
  ['Юрій', 'Юрійович', 'Юріївна'],
  ['Віктор', 'Вікторович', 'Вікторівна'],
  ['Олег', 'Олегович', 'Олегівна'],
  ['Богдан', 'Богданович', 'Богданівна'],
  ['Тарас', 'Тарасович', 'Тарасівна'],
  ['Ярослав', 'Ярославович', 'Ярославівна'],
  ['Степан', 'Степанович', 'Степанівна'],
  ['Григорій', 'Григорович', 'Григорівна'],
  ['Роман', 'Романович', 'Романівна'],
  ['Максим', 'Максимович', 'Максимівна'],
  ["В'ячеслав", "В'ячеславович", "В'ячеславівна"],
  ['Євген', 'Євгенович', 'Євгенівна'],
  ['Ігор', 'Ігорович', 'Ігорівна'],
  ['Михайло', 'Михайлович', 'Михайлівна'],
  ['Павло', 'Павлович', 'Павлівна'],
  ['Федір', 'Федорович', 'Федорівна'],
  ['Анатолій', 'Анатолійович', 'Анатоліївна'],
  ['Костянтин', 'Костянтинович', 'Костянтинівна'],
  ['Остап', 'Остапович', 'Остапівна'],
] as const).map(([name, son, daughter]) => [normalizeApostrophes(name), normalizeApostrophes(son), normalizeApostrophes(daughter)] as const);

const MORE_MEN = clean(['Артем', 'Денис', 'Віталій', 'Назар', 'Ілля', 'Любомир', 'Гліб', 'Єгор', 'Матвій']);
export const WOMEN = clean([
  'Олена', 'Наталія', 'Тетяна', 'Ірина', 'Оксана', 'Світлана', 'Людмила', 'Галина', 'Марія', 'Ганна',
  'Юлія', 'Катерина', "Мар'яна", 'Софія', 'Вікторія', 'Надія', 'Лариса', 'Валентина', 'Ольга', 'Зоя',
  'Євгенія', 'Леся', 'Христина', 'Дарина', 'Соломія', 'Яна', 'Уляна', 'Ніна', 'Інна', 'Ївга',
]);
export const MEN = [...FATHERS.map(([name]) => name), ...MORE_MEN];

/**
 * Surnames as [masculine, feminine], commonest first, each drawn as often as it is met
 * (`drawSurname`): see surnames.ts.
 */
export { SURNAMES } from './surnames.js';

export type Gender = 'male' | 'female';

export interface Person {
  readonly name: PersonName;
  readonly gender: Gender;
  readonly birthDate: string;
  readonly relation: Relation;
  readonly deathDate?: string;
}

export interface Street {
  readonly label: string;
}

/** Where the desk's offices are: the central city and two starosta districts (R3.5). */
export interface Territory {
  readonly settlements: readonly string[];
  readonly streets: readonly string[];
  /** Share of homes that are flats in apartment buildings. */
  readonly flats: number;
}

export const CITY: Territory = {
  settlements: ['м. Глухів'],
  streets: clean([
    'вул. Шевченка', 'вул. Київська', 'вул. Героїв Крут', 'вул. Лесі Українки', 'вул. Івана Франка',
    'пров. Садовий', 'вул. Соборна', 'вул. Воздвиженська', 'вул. Терещенків', "вул. П'ятницька",
    "вул. В'ячеслава Чорновола", 'вул. Ґудзенка', 'вул. Євгена Коновальця', 'просп. Незалежності',
    'вул. Ярослава Мудрого', 'вул. Замкова', 'пров. Вишневий', 'вул. Козацька', 'вул. Гетьмана Мазепи',
    "вул. Солов'яненка", 'бульв. Свободи', 'вул. Ігоря Сікорського', 'вул. Їжакевича', 'пров. Квітковий',
  ]),
  flats: 0.6,
};

export const VILLAGES_A: Territory = {
  settlements: ['с. Полошки', 'с. Щебри', 'с. Будівельне'],
  streets: clean(['вул. Центральна', 'вул. Садова', 'вул. Молодіжна', 'вул. Лугова', "вул. Пам'яті", 'вул. Шкільна', 'пров. Ставковий']),
  flats: 0.03,
};

export const VILLAGES_B: Territory = {
  settlements: ['с. Береза', 'с. Мацкове', 'с. Уланове'],
  streets: clean(['вул. Миру', 'вул. Польова', 'вул. Зарічна', 'вул. Козацька', 'вул. Ярова', 'вул. Ґрунтова']),
  flats: 0.02,
};

export interface Home {
  readonly settlement: string;
  readonly street: string;
  readonly house: string;
  readonly apartment?: string;
  readonly dwelling: 'private_house' | 'apartment_building';
}

export interface Household {
  readonly home: Home;
  /** The householder first, then spouse, children, a parent; all born before any entry needs them. */
  readonly members: readonly Person[];
}

function isoDate(year: number, random: Random): string {
  return `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

function surnameOf(family: readonly [string, string], gender: Gender): string {
  return gender === 'male' ? family[0] : family[1];
}

function personOf(
  family: readonly [string, string],
  gender: Gender,
  father: readonly [string, string, string],
  birthYear: number,
  relation: Relation,
  random: Random,
): Person {
  return {
    name: {
      familyName: surnameOf(family, gender),
      givenName: gender === 'male' ? random.pick(MEN) : random.pick(WOMEN),
      patronymic: gender === 'male' ? father[1] : father[2],
    },
    gender,
    birthDate: isoDate(birthYear, random),
    relation,
  };
}

function homeIn(territory: Territory, random: Random): Home {
  const flat = random.chance(territory.flats);
  const number = String(random.int(1, flat ? 60 : 160));
  return {
    settlement: random.pick(territory.settlements),
    street: random.pick(territory.streets),
    house: random.chance(0.08) ? `${number}-${random.pick(['А', 'Б', 'В'])}` : number,
    ...(flat ? { apartment: String(random.int(1, 120)) } : {}),
    dwelling: flat ? 'apartment_building' : 'private_house',
  };
}

/**
 * Household `index` of a territory, the same every time for the same seed: nothing is kept in
 * memory, so a million-entry register needs no table of households.
 */
export function householdOf(seed: number, index: number, territory: Territory): Household {
  const random = Random.derived(seed, index);
  const family = drawSurname(random);
  const headGender: Gender = random.chance(0.55) ? 'male' : 'female';
  const headYear = random.int(1940, 1984);
  const head = personOf(family, headGender, random.pick(FATHERS), headYear, 'applicant', random);
  const members: Person[] = [head];
  const husband = headGender === 'male' ? head : undefined;
  if (random.chance(0.7)) {
    const spouseGender: Gender = headGender === 'male' ? 'female' : 'male';
    // A wife keeps her own surname, or takes both: «Петренко-Демʼянчук».
    const ownFamily = drawSurname(random);
    const spouseFamily =
      spouseGender === 'female' && ownFamily !== family && random.chance(0.12)
        ? ([family[0], `${family[1]}-${ownFamily[1]}`] as const)
        : spouseGender === 'female' && random.chance(0.08)
          ? ownFamily
          : family;
    members.push(personOf(spouseFamily, spouseGender, random.pick(FATHERS), headYear + random.int(-4, 4), spouseGender === 'male' ? 'husband' : 'wife', random));
  }
  const fatherName = husband?.name.givenName ?? (members[1]?.gender === 'male' ? members[1].name.givenName : random.pick(FATHERS)[0]);
  const father = FATHERS.find(([name]) => name === fatherName) ?? random.pick(FATHERS);
  const children = random.weighted([[0, 25], [1, 35], [2, 30], [3, 10]] as const);
  for (let i = 0; i < children; i += 1) {
    const gender: Gender = random.chance(0.5) ? 'male' : 'female';
    const year = Math.min(2024, headYear + random.int(20, 42));
    members.push(personOf(family, gender, father, year, gender === 'male' ? 'son' : 'daughter', random));
  }
  if (random.chance(0.15)) {
    const gender: Gender = random.chance(0.7) ? 'female' : 'male';
    members.push(personOf(family, gender, random.pick(FATHERS), headYear - random.int(20, 30), gender === 'male' ? 'father' : 'mother', random));
  }
  return { home: homeIn(territory, random), members };
}

/** The members living on `date`: born by then (a certificate never lists a child not yet born). */
export function membersOn(household: Household, date: string): HouseholdMember[] {
  return household.members
    .filter((member) => member.birthDate < date)
    .map((member) => ({ name: member.name, relation: member.relation, birthDate: member.birthDate }));
}

/** A random adult of the same territory, for representatives and recipients. */
export function strangerName(random: Random): PersonName {
  const gender: Gender = random.chance(0.5) ? 'male' : 'female';
  const father = random.pick(FATHERS);
  return {
    familyName: surnameOf(drawSurname(random), gender),
    givenName: gender === 'male' ? random.pick(MEN) : random.pick(WOMEN),
    patronymic: gender === 'male' ? father[1] : father[2],
  };
}

export function fullNameOf(name: PersonName): string {
  return [name.familyName, name.givenName, name.patronymic].filter(Boolean).join(' ');
}

/** Surname words by gender: a double surname («Петренко-Демʼянчук») counts as its two parts. */
export interface SurnameWords {
  readonly male: ReadonlySet<string>;
  readonly female: ReadonlySet<string>;
}

/** Every surname word the members of these households carry, by gender. */
export function householdSurnameWords(households: Iterable<Household>): SurnameWords {
  const words = { male: new Set<string>(), female: new Set<string>() };
  for (const household of households) {
    for (const member of household.members) for (const part of member.name.familyName.split('-')) words[member.gender].add(part);
  }
  return words;
}

/**
 * Every single word the generator puts in a name, by field and gender, for declining each once:
 * all the pool's surnames, or only `surnames` when the register draws from fewer households.
 */
export function nameWords(surnames?: SurnameWords): { field: 'familyName' | 'givenName' | 'patronymic'; gender: Gender; words: string[] }[] {
  return [
    { field: 'familyName', gender: 'male', words: surnames ? [...surnames.male] : SURNAMES.map(([male]) => male) },
    { field: 'familyName', gender: 'female', words: surnames ? [...surnames.female] : SURNAMES.map(([, female]) => female) },
    { field: 'givenName', gender: 'male', words: [...MEN] },
    { field: 'givenName', gender: 'female', words: [...WOMEN] },
    { field: 'patronymic', gender: 'male', words: FATHERS.map(([, son]) => son) },
    { field: 'patronymic', gender: 'female', words: FATHERS.map(([, , daughter]) => daughter) },
  ];
}
