import { crc32, deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { keysOfRegister } from '../../../electron/app/key-witness.js';
import { createPrintingService } from '../../../electron/app/printing.js';
import { openKeyStore } from '../../../electron/documents/verification.js';
import { putSetting } from '../../../electron/register/repositories/settings.js';
import { SETTING_KEYS } from '../../../electron/register/services/settings.js';
import { createTemplatesService } from '../../../electron/register/services/templates.js';
import { requisitesChannels } from '../../../shared/contract/channels/requisites.js';
import { emblemIssue } from '../../../shared/domain/validation/image.js';
import { completeFamilyDraft, openTestDesk, type TestDesk } from './desk-harness.js';

/**
 * The emblem is printed in every document header: only a real PNG or JPEG within the size limits
 * is taken, and one that cannot be printed never makes documents fail (nor writes anything).
 */

let t: TestDesk | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A PNG drawn in memory: `colour` 2 is RGB, 6 RGB with transparency; `damaged` spoils its pixel data. */
function png(width: number, height: number, options: { colour?: 2 | 6; damaged?: boolean; rowFilter?: number } = {}): Buffer {
  const colour = options.colour ?? 2;
  const row = 1 + width * (colour === 6 ? 4 : 3);
  const raw = Buffer.alloc(row * height, 0x7f);
  for (let y = 0; y < height; y++) raw[y * row] = options.rowFilter ?? 0; // each row's filter byte: none (PNG has 0–4)
  const pixels = deflateSync(raw);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colour, 0, 0, 0], 8);
  const data = options.damaged ? Buffer.from(pixels.map((byte, i) => (i > 2 ? byte ^ 0x5a : byte))) : pixels;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

/** The headers of a JPEG up to its start-of-frame (what the check reads). */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

describe('the emblem', () => {
  it('is a real PNG or JPEG by signature and declared size, within 512 KB and 2000 px a side', () => {
    expect(emblemIssue(png(48, 60).toString('base64'))).toBeUndefined();
    expect(emblemIssue(jpegHeader(300, 400).toString('base64'))).toBeUndefined();
    expect(emblemIssue('AAAA')).toBe('validation.emblem.notPngOrJpeg');
    expect(emblemIssue(Buffer.from('a council emblem').toString('base64'))).toBe('validation.emblem.notPngOrJpeg');
    expect(emblemIssue('not base64 at all!')).toBe('validation.emblem.notBase64');
    expect(emblemIssue(GIF.toString('base64'))).toBe('validation.emblem.notPngOrJpeg');
    expect(emblemIssue(png(48, 60).subarray(0, 20).toString('base64'))).toBe('validation.emblem.damaged');
    expect(emblemIssue(png(2001, 10).toString('base64'))).toBe('validation.emblem.dimensions');
    expect(emblemIssue(jpegHeader(1500, 1500).toString('base64'))).toBe('validation.emblem.dimensions');
    const large = Buffer.concat([png(48, 60), Buffer.alloc(513 * 1024)]);
    expect(emblemIssue(large.toString('base64'))).toBe('validation.emblem.tooLarge');
  });

  it('that is not one is refused by requisites.update with a clear error; documents still print', async () => {
    t = await openTestDesk();
    const before = await t.call('requisites.get', {});
    for (const emblem of ['AAAA', Buffer.from('text').toString('base64'), GIF.toString('base64')]) {
      expect(requisitesChannels['requisites.update'].input.safeParse({ ...before, emblemPngBase64: emblem }).success).toBe(false);
      expect(await t.raw('requisites.update', { ...before, emblemPngBase64: emblem })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', details: [{ path: 'emblemPngBase64' }] },
      });
    }
    // PNGs whose headers are sound but whose pixels do not inflate, or whose rows name no PNG filter
    // (pdfkit would throw in a callback, ending the process): main's own check refuses them.
    for (const damaged of [png(48, 60, { colour: 6, damaged: true }), png(48, 60, { colour: 6, rowFilter: 127 })]) {
      expect(emblemIssue(damaged.toString('base64'))).toBeUndefined();
      await expect(t.desk.register.settings.updateRequisites(await headOf(t), { ...before, emblemPngBase64: damaged.toString('base64') })).rejects.toMatchObject({
        code: 'invalid_input',
        details: [{ path: 'emblemPngBase64', messageKey: 'validation.emblem.damaged' }],
      });
    }
    expect(await t.call('requisites.get', {})).toEqual(before);
    await t.call('requisites.update', { ...before, emblemPngBase64: png(48, 60, { colour: 6 }).toString('base64') });
    const { entry } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: completeFamilyDraft() });
    expect((await t.call('documents.render', { entryId: entry.id })).pdfBase64.length).toBeGreaterThan(0);
  });

  it('kept by an older version though unusable is left out of the header: documents and the public keys print', async () => {
    t = await openTestDesk();
    const { entry } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: completeFamilyDraft() });
    const requisites = await t.call('requisites.get', {});
    for (const emblem of ['AAAA', png(48, 60, { colour: 6, damaged: true }).toString('base64')]) {
      await t.desk.register.ctx.db.write(() => putSetting(t!.desk.register.ctx.db, SETTING_KEYS.requisites, { ...requisites, emblemPngBase64: emblem }));
      expect((await t.call('documents.render', { entryId: entry.id })).pdfBase64.length).toBeGreaterThan(0);
      expect((await t.call('documents.publicKeys', {})).pdfBase64.length).toBeGreaterThan(0);
      expect((await t.call('requisites.get', {})).emblemPngBase64).toBeUndefined();
    }
  });
});

describe('a render that fails', () => {
  it('writes nothing: an older entry without its short code gets none', async () => {
    t = await openTestDesk();
    const head = await headOf(t);
    const { entry: issued } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: completeFamilyDraft() });
    // An entry written without its code, as registers issued before codes were bound with the entry hold them.
    const older = await t.desk.register.entries.appendEntry({ journalId: t.journalId, content: issued.content, user: head, gate: () => undefined });
    const failing = createPrintingService({
      register: t.desk.register,
      templates: {
        ...templatesOf(t),
        templateVersion: async () => {
          throw new Error('the template store is unreadable');
        },
      },
      keyStore: openKeyStore(t.dataDir),
      keys: keysOfRegister(t.desk.register.settings, openKeyStore(t.dataDir)),
      trainingMode: false,
      now: () => new Date(),
    });
    await expect(failing.entryDocument(head, { entryId: older.id })).rejects.toThrow('unreadable');
    const code = await t.desk.register.ctx.db.get('SELECT short_code FROM document_codes WHERE entry_id = ?', [older.id]);
    expect(code).toBeUndefined();
  });
});

async function headOf(desk: TestDesk) {
  const { user } = await desk.call('auth.me', {});
  if (!user) throw new Error('the test desk is logged in as the head');
  return user;
}

function templatesOf(desk: TestDesk) {
  return createTemplatesService({ db: desk.desk.register.ctx.db, now: () => new Date(), audit: async () => undefined, validateTemplate: () => ({ ok: true }) });
}
