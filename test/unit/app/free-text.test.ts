import { afterEach, describe, expect, it } from 'vitest';
import { certificateDraftSchema, certificationDraftSchema } from '../../../shared/contract/channels/entries.js';
import { hasUnprintableCharacters } from '../../../shared/domain/validation/free-text.js';
import { allowAll, certificate, setUpRegister, type TestRegister } from '../register/fixtures.js';
import { completeFamilyDraft, openTestDesk, PRESENTED, type TestDesk } from './desk-harness.js';

/**
 * Free text typed into a form is stored in an immutable entry and printed for the citizen: it
 * takes the address fields' rules and never a control, format or other unprintable character
 * (an ESC sequence printed as «[31m», U+202E reversing what follows, a zero-width space).
 */

const UNPRINTABLE = {
  nul: 'для\u0000банку',
  escape: 'для \u001b[31mбанку',
  bell: 'для банку\u0007',
  lineBreak: 'для\r\nбанку',
  loneSurrogate: 'для банку \uD800',
  rightToLeftOverride: 'для \u202Eукнаб',
  zeroWidthSpace: 'для\u200Bбанку',
  byteOrderMark: '\uFEFFдля банку',
} as const;

let open: TestDesk | undefined;
let register: TestRegister | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
  await register?.close();
  register = undefined;
});

/** The family draft with one free-text field set to `text`. */
const withText = {
  purpose: (text: string) => ({ ...completeFamilyDraft(), purpose: text }),
  issuer: (text: string) => ({ ...completeFamilyDraft(), documents: completeFamilyDraft().documents.map((doc, i) => (i === 0 ? { ...doc, issuer: text } : doc)) }),
  note: (text: string) => ({ ...completeFamilyDraft(), documents: completeFamilyDraft().documents.map((doc, i) => (i === 1 ? { ...doc, note: text } : doc)) }),
  corrected: (text: string) => {
    const draft = completeFamilyDraft();
    return { ...draft, subject: { ...draft.subject, declined: { nominative: 'Шевченко Тарас Григорович', dative: text, genitive: 'Шевченка Тараса Григоровича', corrected: true } } };
  },
};

describe('free text on certificates', () => {
  it('refuses every unprintable character, and takes ordinary text with quotes, numbers and signs', () => {
    for (const [name, text] of Object.entries(UNPRINTABLE)) expect(hasUnprintableCharacters(text), name).toBe(true);
    for (const text of ['для пред’явлення до «Ощадбанку» №5, (м. Глухів) / 1-2', 'Глухівський РВ УДМС у Сумській обл.', 'Ґудзь Євгенія Їжакович'])
      expect(hasUnprintableCharacters(text), text).toBe(false);
  });

  it('is checked by the shared draft schemas: purpose, an issuer, a note and hand-corrected forms', () => {
    for (const [field, draftWith] of Object.entries(withText)) {
      for (const [name, text] of Object.entries(UNPRINTABLE)) {
        const parsed = certificateDraftSchema.safeParse(draftWith(text));
        expect(parsed.success, `${field} with ${name}`).toBe(false);
        expect(parsed.error?.issues.map((issue) => issue.message), `${field} with ${name}`).toContain('validation.text.characters');
      }
    }
    const tidied = certificateDraftSchema.parse(withText.purpose("  для  пред'явлення   за місцем вимоги "));
    expect(tidied.purpose).toBe('для предʼявлення за місцем вимоги');
    const certification = certificationDraftSchema.shape.documents.safeParse([{ ...PRESENTED.apartmentCards, issuer: UNPRINTABLE.rightToLeftOverride }]);
    expect(certification.success).toBe(false);
  });

  it('sent through the issuing channel is refused with the field named, and nothing is written', async () => {
    open = await openTestDesk();
    for (const [name, text] of Object.entries(UNPRINTABLE)) {
      const sent = await open.raw('entries.issueCertificate', { journalId: open.journalId, signatoryId: open.signatoryId, certificate: withText.issuer(text) });
      expect(sent, name).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'certificate.documents.0.issuer', messageKey: 'validation.text.characters' }] } });
    }
    const count = await open.desk.register.ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM entries');
    expect(Number(count?.n)).toBe(0);
  });

  it('is checked again by the register, in every string of the content, whatever built it', async () => {
    register = await setUpRegister();
    const content = certificate();
    const tampered = { ...content, signatory: { ...content.signatory, position: `Начальник${UNPRINTABLE.escape}` } };
    await expect(register.services.entries.appendEntry({ journalId: register.journalId, content: tampered, user: register.head, gate: allowAll })).rejects.toMatchObject({
      code: 'invalid_input',
      details: [{ path: 'signatory.position', messageKey: 'validation.text.characters' }],
    });
    const found = await register.services.entries.searchEntries(register.head, { journalId: register.journalId, page: 1, pageSize: 5 });
    expect(found.total).toBe(0);
  });
});
