import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import {
  entryRecordSchema,
  type EntryContent,
  type EntryRecord,
  type SignatorySnapshot,
} from '../../../shared/domain/entry.js';
import type { Address, HouseholdMember, PersonName, Relation } from '../../../shared/domain/person.js';
import type { CouncilRequisites } from '../../../shared/domain/requisites.js';
import { fullNameOf, formatAddress, printedDate } from '../../../electron/documents/format.js';
import type { KindNameResolver } from '../../../electron/documents/labels.js';
import { builtInKindName } from '../../../electron/documents/labels.js';
import type { CertificateBody } from '../../../electron/documents/compose.js';

/**
 * Sample data for the document samples and tests: the hard cases on paper (long double-barrelled
 * names, both apostrophes ’ and ʼ, ґ/є/ї, a 25-member household, a combined certificate, an
 * annulled entry). Every record passes `entryRecordSchema`, so it is what the register returns.
 */

export const fixtureRequisites: CouncilRequisites = {
  councilName: 'Глухівська міська рада',
  executiveCommitteeName: 'Виконавчий комітет Глухівської міської ради',
  cnapDepartmentName: 'Відділ «Центр надання адміністративних послуг» Глухівської міської ради',
  region: 'Сумська область',
  address: 'вул. Шевченка, 6, м. Глухів, Шосткинський р-н, Сумська обл., 41400',
  phone: '(05444) 2-33-44',
  email: 'cnap@hlukhiv-rada.gov.ua',
  website: 'hlukhiv-rada.gov.ua',
  registerDepartment: 'Відділ ведення реєстру територіальної громади Глухівської міської ради',
  emblemPngBase64: shieldPng().toString('base64'),
};

/** A tiny blue-and-yellow shield, drawn pixel by pixel, so the emblem path is exercised without a binary asset. */
function shieldPng(): Buffer {
  const width = 48;
  const height = 60;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const dx = Math.abs(x - width / 2 + 0.5);
      const inside = y < height * 0.6 ? dx < width / 2 - 2 : dx < (width / 2 - 2) * Math.sqrt(Math.max(0, 1 - ((y - height * 0.6) / (height * 0.4)) ** 2));
      const rgb = !inside ? [255, 255, 255] : y < height / 2 ? [0, 87, 183] : [255, 215, 0];
      raw.set(rgb, y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const fixtureAdministrator: SignatorySnapshot = {
  signatoryId: 'sig-admin-1',
  position: 'Адміністратор відділу «Центр надання адміністративних послуг»',
  fullName: 'Оксана ЛУКʼЯНЕНКО',
  seal: 'for_certificates',
  sealName: 'Для довідок',
};

/** R7.13: the керуючий справами signs when the executive committee's seal is needed. */
export const fixtureManagingSecretary: SignatorySnapshot = {
  signatoryId: 'sig-secretary-1',
  position: 'Керуючий справами виконавчого комітету Глухівської міської ради',
  fullName: 'Ігор ҐАЛАҐАН',
  seal: 'executive_committee',
  sealName: 'Виконавчий комітет Глухівської міської ради',
};

const address: Address = {
  settlement: 'м. Глухів',
  street: 'вул. Києво-Московська',
  house: '15',
  building: 'А',
  apartment: '7',
};

const applicantName: PersonName = {
  familyName: 'Костянтинопольська-Великомихайлівська',
  givenName: 'Мар’яна-Єлизавета',
  patronymic: 'В’ячеславівна',
};

const applicantDeclined = {
  nominative: 'Костянтинопольська-Великомихайлівська Мар’яна-Єлизавета В’ячеславівна',
  dative: 'Костянтинопольській-Великомихайлівській Мар’яні-Єлизаветі В’ячеславівні',
  genitive: 'Костянтинопольської-Великомихайлівської Мар’яни-Єлизавети В’ячеславівни',
  corrected: false,
};

const noFacts = {
  dwelling: 'private_house',
  actingForOther: false,
  titleRequested: false,
  guardianshipInvolved: false,
  deceasedMember: false,
} as const;

const householdNames: [string, string, string | undefined, Relation][] = [
  ['Костянтинопольська-Великомихайлівська', 'Мар’яна-Єлизавета', 'В’ячеславівна', 'applicant'],
  ['Костянтинопольський-Великомихайлівський', 'В’ячеслав', 'Ґеорґійович', 'husband'],
  ['Костянтинопольська-Великомихайлівська', 'Їрина', 'В’ячеславівна', 'daughter'],
  ['Костянтинопольський-Великомихайлівський', 'Євген', 'В’ячеславович', 'son'],
  ['Ґудзь', 'Єлизавета', 'Остапівна', 'mother'],
  ['Ґудзь', 'Остап', 'Їжакович', 'father'],
  ['Д’яченко', 'Ярослава', 'Ігорівна', 'daughter_in_law'],
  ['Костянтинопольський-Великомихайлівський', 'Ілля', 'Євгенович', 'grandson'],
  ['Костянтинопольська-Великомихайлівська', 'Соломія', 'Євгенівна', 'granddaughter'],
  ['Заїка', 'Мирослав', 'Петрович', 'son_in_law'],
  ['Заїка', 'Ївга', 'Мирославівна', 'granddaughter'],
  ['Заїка', 'Ґордій', 'Мирославович', 'grandson'],
  ['Лукʼяненко', 'Пилип', 'Орестович', 'grandfather'],
  ['Лукʼяненко', 'Віра', 'Степанівна', 'grandmother'],
  ['Бурʼян', 'Олекса', 'В’ячеславович', 'stepson'],
  ['Бурʼян', 'Марʼяна', 'В’ячеславівна', 'stepdaughter'],
  ['Ґудзь', 'Тарас', 'Остапович', 'brother'],
  ['Ґудзь-Приходько', 'Євдокія', 'Остапівна', 'sister'],
  ['Сʼомченко', 'Юліан', 'Ярославович', 'ward'],
  ['Кармелюк', 'Єфросинія', 'Григорівна', 'mother_in_law'],
  ['Кармелюк', 'Феодосій', 'Архипович', 'father_in_law'],
  ['Костянтинопольський-Великомихайлівський', 'Ґлеб', 'Євгенович', 'grandson'],
  ['Костянтинопольська-Великомихайлівська', 'Злата', 'Євгенівна', 'granddaughter'],
  ['Ілляшенко', 'Ніна', undefined, 'other'],
  ['Костянтинопольська-Великомихайлівська', 'Василина-Олександра', 'Євгенівна', 'granddaughter'],
];

export const fixtureHousehold: HouseholdMember[] = householdNames.map(([familyName, givenName, patronymic, relation], i) => ({
  name: { familyName, givenName, ...(patronymic ? { patronymic } : {}) },
  relation,
  birthDate: `${1940 + ((i * 7) % 80)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
}));

const subject = { name: applicantName, birthDate: '1968-08-24', registeredOn: '1991-12-01', declined: applicantDeclined };

function certificateContent(kinds: string[], overrides: Partial<Extract<EntryContent, { sort: 'certificate' }>> = {}): EntryContent {
  return {
    sort: 'certificate',
    kinds,
    purpose: 'для пред’явлення за місцем вимоги',
    subject,
    address,
    applicant: { actsAs: 'self' },
    household: [],
    facts: noFacts,
    documents: [
      { requirementId: 'identity', type: 'id_card', number: '001234567' },
      { requirementId: 'house_book', type: 'house_book' },
    ],
    signatory: fixtureAdministrator,
    templateVersions: Object.fromEntries(kinds.map((kind) => [kind, 1])),
    ...overrides,
  };
}

interface Draft {
  content: EntryContent;
  status?: EntryRecord['status'];
  handover?: EntryRecord['handover'];
  annulment?: EntryRecord['annulment'];
  reissueOf?: EntryRecord['reissueOf'];
  day: number;
}

function fixtureId(n: number): string {
  return `01958f3c-7a00-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Builds records with a real SHA-256 chain, numbered gap-free as one journal would number them. */
export function chainEntries(drafts: Draft[], firstNumber = 101): EntryRecord[] {
  let prevHash = '0'.repeat(64);
  return drafts.map((draft, index) => {
    const number = firstNumber + index;
    const day = String(draft.day).padStart(2, '0');
    const base = {
      id: fixtureId(number),
      journalId: 'journal-01-21',
      journalIndex: '01-21',
      officeId: 'office-central',
      officeCode: 'HLK',
      year: 2025,
      number,
      printedNumber: `01-21/${number}`,
      sort: draft.content.sort,
      kinds: draft.content.sort === 'certification' ? [draft.content.kind] : draft.content.sort === 'certificate' ? draft.content.kinds : draft.content.requested.kinds,
      createdAt: `2025-03-${day}T08:${String(10 + (index % 50)).padStart(2, '0')}:00.000Z`,
      localDate: `2025-03-${day}`,
      createdBy: { userId: 'user-admin-1', fullName: 'Оксана Лукʼяненко' },
      content: draft.content,
      prevHash,
    };
    const hash = createHash('sha256').update(JSON.stringify(base)).digest('hex');
    prevHash = hash;
    return entryRecordSchema.parse({
      ...base,
      hash,
      status: draft.status ?? 'issued',
      ...(draft.handover ? { handover: draft.handover } : {}),
      ...(draft.annulment ? { annulment: draft.annulment } : {}),
      ...(draft.reissueOf ? { reissueOf: draft.reissueOf } : {}),
    });
  });
}

export const fixtureKindName: KindNameResolver = builtInKindName;

const handover = (day: string, name: string): EntryRecord['handover'] => ({
  at: `2025-03-${day}T12:30:00.000Z`,
  receivedBy: 'subject',
  recipientName: name,
  byUserId: 'user-admin-1',
  byUserName: 'Оксана Лукʼяненко',
});

export interface FixtureSet {
  combined: EntryRecord;
  breadwinner: EntryRecord;
  annulled: EntryRecord;
  replacement: EntryRecord;
  training: EntryRecord;
  certification: EntryRecord;
  refusal: EntryRecord;
  /** Every entry in journal order, with filler entries so the journal spans several pages. */
  journal: EntryRecord[];
}

export function fixtureEntries(): FixtureSet {
  const drafts: Draft[] = [
    {
      day: 10,
      content: certificateContent(['registration', 'family'], { household: fixtureHousehold }),
      status: 'handed_over',
      handover: handover('10', fullNameOf(applicantName)),
    },
    {
      day: 11,
      content: certificateContent(['breadwinner_cohabitation'], {
        signatory: fixtureManagingSecretary,
        deceased: {
          name: { familyName: 'Костянтинопольський-Великомихайлівський', givenName: 'В’ячеслав', patronymic: 'Ґеорґійович' },
          declinedGenitive: 'Костянтинопольського-Великомихайлівського В’ячеслава Ґеорґійовича',
          deathDate: '2024-11-02',
          kinship: 'wife',
          kinshipDocument: 'marriage_certificate',
        },
        documents: [
          { requirementId: 'identity', type: 'id_card', number: '001234567' },
          { requirementId: 'kinship', type: 'marriage_certificate', series: 'І-СМ', number: '123456' },
          { requirementId: 'house_book', type: 'house_book' },
          { requirementId: 'death', type: 'death_certificate', series: 'І-СМ', number: '654321' },
        ],
      }),
    },
    {
      day: 12,
      content: certificateContent(['family'], { household: fixtureHousehold.slice(0, 4) }),
      status: 'annulled',
      annulment: {
        at: '2025-03-12T13:05:00.000Z',
        reason: 'Помилка в даті народження члена сім’ї',
        byUserId: 'user-admin-1',
        byUserName: 'Оксана Лукʼяненко',
        replacedByEntryId: fixtureId(104),
        replacedByPrintedNumber: '01-21/104',
      },
    },
    {
      day: 12,
      content: certificateContent(['family'], { household: fixtureHousehold.slice(0, 4) }),
      reissueOf: { entryId: fixtureId(103), printedNumber: '01-21/103' },
    },
    {
      day: 13,
      content: certificateContent(['actual_residence_family'], {
        household: fixtureHousehold.slice(0, 3),
        bodyCertificate: { bodyName: 'Квартальний комітет № 12 «Заріччя»', date: '2025-03-05', number: '47' },
      }),
    },
    {
      day: 13,
      content: {
        sort: 'certification',
        kind: 'committee_family',
        body: { type: 'committee', bodyId: 'committee-12', name: 'Квартальний комітет № 12 «Заріччя»', hasSeal: false },
        certificateDate: '2025-03-05',
        signer: { role: 'deputy', name: { familyName: 'Їжакевич', givenName: 'Ґанна', patronymic: 'Євгенівна' }, headAbsence: 'post_vacant' },
        sealPresent: false,
        submittedBy: 'subject',
        subject,
        address,
        applicant: { actsAs: 'self' },
        dataMatch: true,
        facts: noFacts,
        documents: [
          { requirementId: 'identity', type: 'passport_book', series: 'МЕ', number: '123456' },
          { requirementId: 'house_book', type: 'house_book' },
          { requirementId: 'certificate', type: 'committee_certificate', number: '47' },
        ],
        signatory: fixtureAdministrator,
        templateVersion: 1,
      },
    },
    {
      day: 14,
      content: {
        sort: 'refusal',
        requested: { sort: 'certificate', kinds: ['family'] },
        subject,
        address,
        applicant: { actsAs: 'self' },
        grounds: [
          { ruleId: 'R7.4.2', requirementId: 'house_book', text: 'Не подано будинкову книгу (приватний сектор).' },
          { ruleId: 'R7.4.3', requirementId: 'child_birth:0', text: 'Не подано свідоцтво про народження дитини, зареєстрованої за адресою.' },
        ],
        referral: `Для отримання інформації про зареєстрованих осіб зверніться до: ${fixtureRequisites.registerDepartment} (п. 7.4 Регламенту).`,
        facts: noFacts,
        documents: [{ requirementId: 'identity', type: 'id_card', number: '001234567' }],
        signatory: fixtureAdministrator,
        templateVersion: 1,
      },
      status: 'refused',
    },
  ];
  const fillerNames: PersonName[] = [
    { familyName: 'Ярошенко', givenName: 'Ґалина', patronymic: 'Євгенівна' },
    { familyName: 'Данилів', givenName: 'Ївга', patronymic: 'Мар’янівна' },
    { familyName: 'Прокопович-Забілоцький', givenName: 'В’ячеслав', patronymic: 'Ілліч' },
  ];
  for (let i = 0; i < 40; i++) {
    const name = fillerNames[i % fillerNames.length] ?? applicantName;
    drafts.push({
      day: 15 + (i % 10),
      content: certificateContent([i % 2 ? 'registration' : 'family'], {
        subject: { name, birthDate: '1975-05-17', declined: { nominative: fullNameOf(name), dative: fullNameOf(name), genitive: fullNameOf(name), corrected: false } },
        address: { settlement: 'с. Баничі', street: `вул. Садова`, house: String(i + 1) },
      }),
      ...(i % 3 === 0 ? { status: 'handed_over' as const, handover: handover(String(15 + (i % 10)), fullNameOf(name)) } : {}),
    });
  }
  const journal = chainEntries(drafts);
  const at = (i: number): EntryRecord => {
    const entry = journal[i];
    if (!entry) throw new Error(`fixture entry ${i} missing`);
    return entry;
  };
  return {
    combined: at(0),
    breadwinner: at(1),
    annulled: at(2),
    replacement: at(3),
    training: at(4),
    certification: at(5),
    refusal: at(6),
    journal,
  };
}

/**
 * Bodies as the template engine would render them (declined names already in place). The
 * template engine is separate; these stand in for it with the wording of the default templates.
 */
export function fixtureBody(entry: EntryRecord): CertificateBody {
  const content = entry.content;
  if (content.sort !== 'certificate') throw new Error('fixtureBody: a certificate entry is needed');
  const where = formatAddress(content.address);
  const born = content.subject.birthDate ? `, ${printedDate(content.subject.birthDate)} р. н.,` : '';
  const purpose = `Довідка видана для пред’явлення за місцем вимоги.`;
  if (content.kinds.includes('breadwinner_cohabitation') && content.deceased) {
    return {
      paragraphs: [
        `Видана ${content.subject.declined.dative}${born} про те, що на день смерті ${content.deceased.declinedGenitive} ` +
          `(${printedDate(content.deceased.deathDate)}, свідоцтво про смерть серії І-СМ №\u00a0654321) вона проживала разом із ним ` +
          `за адресою: ${where}.`,
        'Родинні стосунки підтверджено свідоцтвом про шлюб серії І-СМ №\u00a0123456.',
        purpose,
      ],
    };
  }
  const paragraphs = [
    `Видана ${content.subject.declined.dative}${born} про те, що вона дійсно зареєстрована ` +
      `з ${printedDate(content.subject.registeredOn ?? '1991-12-01')} та проживає за адресою: ${where}` +
      (content.household.length > 0 ? `, і має такий склад сім’ї (${content.household.length} осіб):` : '.'),
  ];
  if (content.bodyCertificate) {
    paragraphs.push(
      `Фактичне місце проживання підтверджено довідкою органу самоорганізації населення «${content.bodyCertificate.bodyName}» ` +
        `від ${printedDate(content.bodyCertificate.date)} № ${content.bodyCertificate.number ?? ''}.`,
    );
  }
  paragraphs.push(`Підстава: будинкова книга, паспортні документи членів сім’ї. ${purpose}`);
  return { paragraphs, householdAt: 0 };
}
