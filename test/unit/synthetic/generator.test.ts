import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryContentSchema, type EntryRecord } from '../../../shared/domain/entry.js';
import { evaluateCertification } from '../../../shared/rules/certification.js';
import { evaluateCertificate } from '../../../shared/rules/checklist.js';
import { generateRegister, openSeeded, seedTrainingRegister, TRAINING_ENTRIES } from '../../../electron/app/synthetic/generator.js';
import { registerDigest } from '../../support/synthetic-digest.js';
import { openRegister, registerPath } from '../../../electron/register/index.js';
import { chainPage, searchEntryRecords } from '../../../electron/register/repositories/entries.js';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

function emptyFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cnap-synthetic-test-'));
  folders.push(folder);
  return path.join(folder, 'data');
}

async function generated(entries: number, seed: number, planningThread = false) {
  const dataDir = emptyFolder();
  const result = await generateRegister({ dataDir, entries, seed, planningThread });
  const opened = await openSeeded(dataDir);
  return { dataDir, result, ...opened, digest: await registerDigest(opened.db, opened.services, opened.cast) };
}

async function allEntries(db: Parameters<typeof searchEntryRecords>[0]): Promise<EntryRecord[]> {
  return (await searchEntryRecords(db, { limit: 100_000, offset: 0 })).records;
}

describe('synthetic register generator', () => {
  it('writes the same register for the same seed and another for another seed', async () => {
    const first = await generated(250, 7);
    const again = await generated(250, 7);
    const other = await generated(250, 8);
    try {
      expect(again.digest).toBe(first.digest);
      expect(other.digest).not.toBe(first.digest);
    } finally {
      await Promise.all([first, again, other].map((register) => register.db.close()));
    }
  }, 240_000);

  it('plans the same register on a second thread as on the writing thread', async () => {
    const inline = await generated(300, 9);
    const threaded = await generated(300, 9, true);
    try {
      expect(threaded.result).toMatchObject({ entries: 300, handovers: inline.result.handovers, annulments: inline.result.annulments, firstDate: inline.result.firstDate, lastDate: inline.result.lastDate });
      expect(threaded.digest).toBe(inline.digest);
    } finally {
      await Promise.all([inline, threaded].map((register) => register.db.close()));
    }
  }, 240_000);

  it('fills a register it is given (a server’s, in the bench) the same way, and leaves it open', async () => {
    const fromFile = await generated(120, 5);
    const dataDir = emptyFolder();
    fs.mkdirSync(dataDir, { recursive: true });
    const given = openRegister(registerPath(dataDir));
    try {
      const result = await generateRegister({ dataDir, entries: 120, seed: 5, register: given });
      expect(result.entries).toBe(120);
      const opened = await openSeeded(dataDir, () => new Date(), given);
      expect(await registerDigest(given, opened.services, opened.cast)).toBe(fromFile.digest);
    } finally {
      await given.close();
      await fromFile.db.close();
    }
  }, 240_000);

  it('writes valid entries through the register: chains verify, numbers have no gaps, the rules pass', async () => {
    const register = await generated(600, 11);
    try {
      const { db, services, cast } = register;
      expect(cast.offices).toHaveLength(3);
      for (const office of cast.offices) {
        const verdict = await services.register.verification.verifyJournal(null, office.journalId);
        expect(verdict.ok, office.code).toBe(true);
        const rows = await chainPage(db, office.journalId, { year: 0, number: 0 }, 100_000);
        expect(rows.length, office.code).toBeGreaterThan(0);
        const byYear = new Map<number, number[]>();
        for (const row of rows) byYear.set(row.year, [...(byYear.get(row.year) ?? []), row.number]);
        // Section E: per journal and year, 1, 2, 3, … without a gap.
        for (const numbers of byYear.values()) expect(numbers).toEqual(numbers.map((_, index) => index + 1));
      }
      expect(byYearCount(await allEntries(db))).toBeGreaterThanOrEqual(3);

      const entries = await allEntries(db);
      expect(entries).toHaveLength(600);
      const histories = new Map(cast.bodies.map((body) => [body.id, body.history]));
      for (const entry of entries) {
        expect(entryContentSchema.safeParse(entry.content).success).toBe(true);
        const content = entry.content;
        if (content.sort === 'certificate') expect(evaluateCertificate(content, { today: entry.localDate }).issuable, entry.printedNumber).toBe(true);
        if (content.sort === 'certification') {
          const history = histories.get(content.body.bodyId);
          expect(history).toBeDefined();
          if (history) expect(evaluateCertification(content, history, { today: entry.localDate }).issuable, entry.printedNumber).toBe(true);
        }
        if (content.sort === 'refusal') expect(content.grounds.length).toBeGreaterThan(0);
      }
      const statuses = new Set(entries.map((entry) => entry.status));
      expect([...statuses].sort()).toEqual(['annulled', 'handed_over', 'issued', 'refused']);
      expect(entries.some((entry) => entry.sort === 'certification')).toBe(true);
      const names = entries.map((entry) => `${entry.content.subject.name.familyName} ${entry.content.subject.name.givenName}`).join(' ');
      expect(names).toMatch(/ʼ/u);
      expect(names).toMatch(/[ґєїҐЄЇ]/u);
    } finally {
      await register.db.close();
    }
  }, 240_000);

  it('seeds a training register: a month of work once, and leaves a used register alone', async () => {
    const dataDir = emptyFolder();
    const now = new Date('2026-03-16T12:00:00.000Z');
    const result = await seedTrainingRegister(dataDir, { now });
    expect(result?.entries).toBe(TRAINING_ENTRIES);
    expect(await seedTrainingRegister(dataDir, { now })).toBeNull();
    const { db } = await openSeeded(dataDir);
    try {
      const dates = (await allEntries(db)).map((entry) => entry.localDate).sort();
      expect(dates[0]! >= '2026-02-14').toBe(true);
      expect(dates.at(-1)! <= '2026-03-16').toBe(true);
    } finally {
      await db.close();
    }
  }, 240_000);
});

function byYearCount(entries: EntryRecord[]): number {
  return new Set(entries.map((entry) => entry.year)).size;
}
