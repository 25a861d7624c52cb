import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CertificateDraft } from '../../shared/contract/channels/entries.js';
import { DeskError } from '../../shared/contract/errors.js';
import type { DocumentType, PresentedDocument } from '../../shared/domain/documents.js';
import type { HouseholdMember, PersonName } from '../../shared/domain/person.js';
import { evaluateCertificate } from '../../shared/rules/checklist.js';
import { createDesk, type Desk } from './desk.js';
import { jobResult } from './jobs.js';
import { setUpSampleRegister, type DeskCall, type SampleRegister } from './sample-register.js';

/** Numbers that pass the shared validators, for the types that have one. */
const SAMPLE_NUMBERS: Partial<Record<DocumentType, Pick<PresentedDocument, 'series' | 'number'>>> = {
  passport_book: { series: 'КВ', number: '123456' },
  id_card: { number: '001234567' },
  birth_certificate: { series: 'I-БП', number: '654321' },
  death_certificate: { series: 'I-СМ', number: '333444' },
  marriage_certificate: { series: 'I-ЖС', number: '111222' },
};

/** Presents, for a draft, exactly the documents the checklist asks for (R7.4) — as an administrator ticks them. */
export function withRequiredDocuments(draft: Omit<CertificateDraft, 'documents'>, today: string): CertificateDraft {
  const verdict = evaluateCertificate({ ...draft, documents: [] } as Parameters<typeof evaluateCertificate>[0], { today });
  const documents = verdict.items
    .filter((item) => item.kind === 'document')
    .map((item) => {
      const type = item.documentTypes[0] ?? 'other';
      return { requirementId: item.id, type, ...(SAMPLE_NUMBERS[type] ?? {}) };
    });
  return { ...draft, documents };
}

const person = (familyName: string, givenName: string, patronymic?: string): PersonName => ({
  familyName,
  givenName,
  ...(patronymic ? { patronymic } : {}),
});

function declinedPlaceholder(name: PersonName) {
  const nominative = [name.familyName, name.givenName, name.patronymic].filter(Boolean).join(' ');
  return { nominative, dative: nominative, genitive: nominative, corrected: false };
}

/** 25 people in one house: long and double names, apostrophes, ґ є ї, three generations. */
function largeHousehold(): HouseholdMember[] {
  const given = ['Марʼяна', 'Вʼячеслав', 'Ґанна', 'Євгенія', 'Їжак', 'Олексій', 'Ірина', 'Святослав', 'Зоряна', 'Юрій', 'Дарʼя', 'Остап'];
  const members: HouseholdMember[] = [
    { name: person('Квітка-Основʼяненко', 'Григорій', 'Федорович'), relation: 'applicant', birthDate: '1958-11-29' },
    { name: person('Квітка-Основʼяненко', 'Ганна', 'Григорівна'), relation: 'wife', birthDate: '1961-02-14' },
  ];
  for (let i = 0; members.length < 25; i += 1) {
    const child = i >= 19;
    const year = child ? 2012 + (i - 19) : 1980 + i;
    const givenName = i === 2 ? 'Їжакевич' : (given[i % given.length] ?? 'Олена');
    const female = /[аяʼ]$/.test(givenName) || givenName.endsWith('ія');
    members.push({
      name: person(i % 3 === 0 ? 'Дем’янчук-Квітка' : 'Квітка-Основʼяненко', givenName === 'Їжакевич' ? 'Іван' : givenName, female ? 'Григорівна' : 'Григорович'),
      relation: child ? (female ? 'granddaughter' : 'grandson') : female ? 'daughter' : 'son',
      birthDate: `${year}-0${(i % 9) + 1}-1${i % 9}`,
    });
  }
  return members;
}

async function writePdf(outDir: string, name: string, pdfBase64: string): Promise<string> {
  const file = path.join(outDir, name);
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return file;
}

function callerOf(desk: Desk): DeskCall {
  return async (channel, input) => {
    const result = await desk.dispatcher.dispatch(channel, input, { sessionKey: 'samples', transport: 'cli' });
    if (!result.ok) throw DeskError.fromShape(result.error);
    return result.value as never;
  };
}

const baseFacts = { dwelling: 'private_house', actingForOther: false, titleRequested: false, guardianshipInvolved: false, deceasedMember: false } as const;
const address = { settlement: 'м. Глухів', street: 'вул. Терещенків', house: '12-А', apartment: '3' };

async function issueSamples(call: DeskCall, register: SampleRegister, today: string, outDir: string): Promise<string[]> {
  const files: string[] = [];
  const render = async (entryId: string, name: string, placement?: 'sheet' | 'overlay') =>
    files.push(await writePdf(outDir, name, (await call('documents.render', { entryId, ...(placement ? { placement } : {}) })).pdfBase64));
  const subject = { name: person('Квітка-Основʼяненко', 'Григорій', 'Федорович'), birthDate: '1958-11-29' };

  const combined = await call('entries.issueCertificate', {
    journalId: register.journalId,
    signatoryId: register.signatoryId,
    certificate: withRequiredDocuments(
      {
        kinds: ['registration', 'family'],
        purpose: 'для предʼявлення до управління соціального захисту населення',
        subject: { ...subject, registeredOn: '1985-06-01', declined: declinedPlaceholder(subject.name) },
        address,
        applicant: { actsAs: 'self' },
        household: largeHousehold(),
        facts: baseFacts,
      },
      today,
    ),
  });
  await render(combined.entry.id, '01-combined-registration-family-25-members.pdf');
  // Handed to a representative with a long name against a notarised power of attorney (R7.4.4):
  // the journal page prints it in the handover column, every word whole.
  await call('entries.handover', {
    entryId: combined.entry.id,
    receivedBy: 'representative',
    recipientName: 'Квітка-Основʼяненко Олександра Володимирівна',
    powerOfAttorney: { number: 'НОН 123456, реєстр. № 2417', date: today, issuer: 'приватний нотаріус Глухівського районного нотаріального округу Сумської області Коваленко О. П.' },
  });

  const executive = await call('entries.issueCertificate', {
    journalId: register.journalId,
    signatoryId: register.executiveSignatoryId,
    certificate: withRequiredDocuments(
      {
        kinds: ['registration'],
        purpose: 'для предʼявлення за місцем вимоги',
        subject: { name: person('Ґудзь', 'Євгенія', 'Їжаківна'), birthDate: '1990-04-18', registeredOn: '2008-09-01', declined: declinedPlaceholder(person('Ґудзь', 'Євгенія', 'Їжаківна')) },
        address: { settlement: 'с. Будівельне', street: 'вул. Ярмаркова', house: '7' },
        applicant: { actsAs: 'self' },
        household: [],
        facts: baseFacts,
      },
      today,
    ),
  });
  await render(executive.entry.id, '02-registration-executive-committee-seal.pdf');

  await call('entries.annul', { entryId: executive.entry.id, reason: 'Помилка в даті реєстрації, видано нову довідку' });
  const reissued = await call('entries.issueCertificate', {
    journalId: register.journalId,
    signatoryId: register.signatoryId,
    replacesEntryId: executive.entry.id,
    certificate: withRequiredDocuments(
      {
        kinds: ['registration'],
        purpose: 'для предʼявлення за місцем вимоги',
        subject: { name: person('Ґудзь', 'Євгенія', 'Їжаківна'), birthDate: '1990-04-18', registeredOn: '2008-09-10', declined: declinedPlaceholder(person('Ґудзь', 'Євгенія', 'Їжаківна')) },
        address: { settlement: 'с. Будівельне', street: 'вул. Ярмаркова', house: '7' },
        applicant: { actsAs: 'self' },
        household: [],
        facts: baseFacts,
      },
      today,
    ),
  });
  await render(executive.entry.id, '03-annulled-certificate.pdf');
  await render(reissued.entry.id, '04-reissued-certificate.pdf');
  await call('entries.handover', { entryId: reissued.entry.id, receivedBy: 'subject', recipientName: 'Ґудзь Євгенія Їжаківна' });

  const refusal = await call('entries.refuse', {
    journalId: register.journalId,
    signatoryId: register.signatoryId,
    // As the dialog proposes them from the checklist, with the administrator's own words added.
    grounds: [
      { ruleId: 'R7.4.2', details: 'будинкова книга (приватний сектор)' },
      { ruleId: 'R7.1', details: 'правовстановлюючий документ на домоволодіння (житловий будинок по вул. Шевченка, 12)' },
      { ruleId: 'R7.16', details: 'спільне проживання з батьком у 1990–1995 роках' },
    ],
    request: {
      sort: 'certificate',
      certificate: {
        kinds: ['family'],
        purpose: 'для суду',
        subject: { name: person('Дем’янчук', 'Вʼячеслав', 'Остапович'), birthDate: '1975-01-05', declined: declinedPlaceholder(person('Демʼянчук', 'Вʼячеслав', 'Остапович')) },
        address,
        applicant: { actsAs: 'self' },
        household: [{ name: person('Демʼянчук', 'Вʼячеслав', 'Остапович'), relation: 'applicant', birthDate: '1975-01-05' }],
        facts: baseFacts,
        documents: [{ requirementId: 'identity', type: 'passport_book', series: 'КВ', number: '123456' }],
      },
    },
  });
  await render(refusal.entry.id, '05-refusal-notice.pdf');

  await render(await breadwinnerSample(call, register, today), '12-breadwinner-woman-no-birth-date.pdf');

  const certification = await certifySample(call, register, today);
  await render(certification, '06-certification-inscription-sheet.pdf', 'sheet');
  await render(certification, '07-certification-inscription-overlay.pdf', 'overlay');
  return files;
}

/**
 * R7.1.4 for a woman whose husband died: «яка»/«який помер», «проживала спільно з ним», her
 * marriage certificate as the kinship document; no date of birth, so no «…, р. н.,»; the
 * settlement typed bare and printed with its kind from the directory («м. Городок»).
 */
async function breadwinnerSample(call: DeskCall, register: SampleRegister, today: string): Promise<string> {
  await call('directories.settlements.save', { kind: 'city', name: 'Городок' });
  const widow = person('Бойко', 'Ольга', 'Романівна');
  const husband = person('Бойко', 'Микола', 'Іванович');
  const { entry } = await call('entries.issueCertificate', {
    journalId: register.journalId,
    signatoryId: register.signatoryId,
    certificate: withRequiredDocuments(
      {
        kinds: ['breadwinner_cohabitation'],
        purpose: 'для призначення пенсії у звʼязку з втратою годувальника',
        subject: { name: widow, declined: declinedPlaceholder(widow) },
        address: { settlement: 'Городок', street: 'вул. Садова', house: '4' },
        applicant: { actsAs: 'self' },
        household: [],
        deceased: { name: husband, declinedGenitive: 'Бойка Миколи Івановича', deathDate: '2025-10-02', kinship: 'дружина', kinshipDocument: 'marriage_certificate' },
        facts: baseFacts,
      },
      today,
    ),
  });
  return entry.id;
}

async function certifySample(call: DeskCall, register: SampleRegister, today: string): Promise<string> {
  const body = await call('directories.bodies.save', {
    type: 'committee',
    committeeKind: 'quarter',
    number: '12',
    name: 'Квартальний комітет № 12 «Засеймʼя»',
    territory: 'вулиці Терещенків, Ярмаркова, Києво-Московська',
    legalEntity: true,
    hasSeal: true,
    sealName: 'Квартальний комітет № 12',
  });
  await call('directories.bodies.addPost', { bodyId: body.id, role: 'head', name: person('Бондар', 'Василь', 'Петрович'), from: '2019-01-01' });
  await call('directories.bodies.addPost', { bodyId: body.id, role: 'deputy', name: person('Коваль', 'Марʼяна', 'Степанівна'), from: '2019-01-01' });
  const subjectName = person('Шевченко', 'Тарас', 'Григорович');
  const { entry } = await call('entries.certify', {
    journalId: register.journalId,
    signatoryId: register.signatoryId,
    certification: {
      kind: 'committee_stove_heating',
      bodyId: body.id,
      certificateDate: today,
      signer: { role: 'deputy', name: person('Коваль', 'Марʼяна', 'Степанівна'), headAbsence: 'confirmed_by_administrator' },
      sealPresent: true,
      submittedBy: 'subject',
      subject: { name: subjectName, declined: declinedPlaceholder(subjectName) },
      address,
      applicant: { actsAs: 'self' },
      dataMatch: true,
      facts: baseFacts,
      documents: [
        { requirementId: 'identity', type: 'passport_book', series: 'КВ', number: '123456' },
        { requirementId: 'housing_records', type: 'house_book' },
      ],
    },
  });
  return entry.id;
}

/** Looks at the files one register wrote while its desk is still open (the tests verify their QR codes through it). */
export type SampleInspector = (files: readonly string[], call: DeskCall) => Promise<void>;

/**
 * `npm run samples -- --out DIR`: one PDF of every document type, made through the same register,
 * rules and printing services the app uses, from cases that exercise the hard parts.
 */
export async function writeRegisterSamples(outDir: string, now: () => Date = () => new Date(), inspect?: SampleInspector): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  for (const demo of [false, true]) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-samples-'));
    const desk = await createDesk({ dataDir, demo, appVersion: 'samples', now });
    try {
      const call = callerOf(desk);
      const register = await setUpSampleRegister(call);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(now());
      const written = demo ? [await trainingSample(call, register, today, outDir)] : await registerSamples(call, register, today, outDir);
      files.push(...written);
      await inspect?.(written, call);
    } finally {
      await desk.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return files;
}

async function trainingSample(call: DeskCall, register: SampleRegister, today: string, outDir: string): Promise<string> {
  const { entry } = await call('entries.issueCertificate', {
    journalId: register.journalId,
    signatoryId: register.signatoryId,
    certificate: withRequiredDocuments(
      {
        kinds: ['registration'],
        purpose: 'навчальний приклад',
        // Initials «С.С.»: the UTF-8 bytes zbar took for Shift JIS («苤.苤.») before the QR text was ASCII.
        subject: { name: person('Сидоренко', 'Світлана'), birthDate: '1988-08-08', registeredOn: '2010-01-15', declined: declinedPlaceholder(person('Сидоренко', 'Світлана')) },
        address,
        applicant: { actsAs: 'self' },
        household: [],
        facts: baseFacts,
      },
      today,
    ),
  });
  return writePdf(outDir, '10-training-mode-certificate.pdf', (await call('documents.render', { entryId: entry.id })).pdfBase64);
}

async function registerSamples(call: DeskCall, register: SampleRegister, today: string, outDir: string): Promise<string[]> {
  const files = await issueSamples(call, register, today, outDir);
  files.push(await writePdf(outDir, '08-calibration-page.pdf', (await call('documents.calibration', {})).pdfBase64));
  const { jobId } = await call('documents.journalPages', { journalId: register.journalId, dateFrom: today, dateTo: today });
  const pages = await jobResult(call, 'journalPages', jobId);
  files.push(await writePdf(outDir, '09-journal-pages.pdf', pages.pdfBase64));
  files.push(await writePdf(outDir, '11-public-keys.pdf', (await call('documents.publicKeys', {})).pdfBase64));
  return files;
}
