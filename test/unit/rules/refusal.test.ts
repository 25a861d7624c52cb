import { describe, expect, it } from 'vitest';
import { refuseInputSchema } from '../../../shared/contract/channels/entries.js';
import { refusalGroundSchema } from '../../../shared/domain/entry.js';
import { evaluateCertification } from '../../../shared/rules/certification.js';
import { evaluateCertificate } from '../../../shared/rules/checklist.js';
import { organisationGenitive, proposedRefusalGrounds, refusalDraft } from '../../../shared/rules/refusal.js';
import {
  chosenRefusalGroundSchema,
  groundsFor,
  printedGroundText,
  refusalGroundList,
  refusalGroundProblems,
} from '../../../shared/rules/refusal-grounds.js';
import { certificateCase, certificationCase, committeeHistory, doc, member, name, TODAY } from './fixtures.js';

const department = 'Відділ ведення реєстру територіальної громади';
const DEATH_CERTIFICATE = doc('deceased_death', 'death_certificate');

describe('the regulation’s list of refusal grounds', () => {
  it('R7.4.1–5 for issuing and R7.6.1–6 for certifying, each point once, with both wordings', () => {
    const ids = refusalGroundList.map((ground) => ground.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(groundsFor('certificate').map((ground) => ground.id)).toEqual(['R7.4.1', 'R7.4.2', 'R7.4.3', 'R7.4.4', 'R7.4.5', 'R7.1', 'R7.15', 'R7.16']);
    expect(groundsFor('certification').map((ground) => ground.id)).toEqual(['R7.6.1', 'R7.6.2', 'R7.6.3', 'R7.6.4', 'R7.6.5', 'R7.6.6', 'R7.5', 'R7.8', 'R7.15', 'R7.16']);
    for (const ground of refusalGroundList) {
      // Printed for a citizen: Ukrainian letters (the regulation's own «ID-картка» aside), no Latin look-alikes.
      expect(ground.wording.uk.replace('ID-картка', '')).not.toMatch(/[A-Za-z]/);
      expect(ground.wording.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('prints a ground with its point and the administrator’s words: «п. 7.4.2 — …: …»', () => {
    const housing = refusalGroundList.find((ground) => ground.id === 'R7.4.2');
    if (!housing) throw new Error('R7.4.2 missing');
    expect(printedGroundText(housing, 'будинкова книга (приватний сектор).')).toBe(
      'п.\u00a07.4.2 — не подано будинкову книгу (приватний сектор) або поквартирні картки (багатоповерхові будинки): будинкова книга (приватний сектор).',
    );
    expect(printedGroundText(housing, '')).toBe('п.\u00a07.4.2 — не подано будинкову книгу (приватний сектор) або поквартирні картки (багатоповерхові будинки).');
  });

  it('finds no problem in grounds of the action’s own list with the words they need', () => {
    expect(refusalGroundProblems('certificate', [{ ruleId: 'R7.4.1', details: '' }, { ruleId: 'R7.1', details: 'свідоцтво про смерть' }])).toEqual([]);
    expect(refusalGroundProblems('certification', [{ ruleId: 'R7.6.6', details: 'дата народження в довідці інша' }])).toEqual([]);
  });

  it('names every problem at its ground: none chosen, the other action’s point, twice, words missing', () => {
    expect(refusalGroundProblems('certificate', [])).toEqual([{ path: 'grounds', messageKey: 'validation.refusal.noGround' }]);
    expect(
      refusalGroundProblems('certification', [
        { ruleId: 'R7.4.1', details: '' },
        { ruleId: 'R7.6.6', details: '' },
        { ruleId: 'R7.6.2', details: '' },
        { ruleId: 'R7.6.2', details: '' },
      ]),
    ).toEqual([
      { path: 'grounds.0.ruleId', messageKey: 'validation.refusal.groundNotForPath', params: { point: '7.4.1' } },
      { path: 'grounds.1.details', messageKey: 'validation.refusal.detailsNeeded', params: { point: '7.6.6' } },
      { path: 'grounds.3.ruleId', messageKey: 'validation.refusal.groundTwice', params: { point: '7.6.2' } },
    ]);
  });

  it('the channel refuses a ground outside the list and words with control characters', () => {
    expect(chosenRefusalGroundSchema.safeParse({ ruleId: 'R7.7', details: '' }).error?.issues[0]?.message).toBe('validation.refusal.unknownGround');
    expect(chosenRefusalGroundSchema.safeParse({ ruleId: 'R7.4.2', details: 'книга\u0007' }).error?.issues[0]?.message).toBe('validation.text.characters');
    expect(chosenRefusalGroundSchema.parse({ ruleId: 'R7.4.2', details: '  будинкова   книга ' }).details).toBe('будинкова книга');
    expect(refuseInputSchema.shape.grounds.safeParse(refusalGroundList.map((ground) => ({ ruleId: ground.id, details: 'x' })).concat({ ruleId: 'R7.16', details: '' })).success).toBe(false);
  });
});

describe('grounds proposed from the checklist (R7.4, R7.6)', () => {
  it('R7.4.2: a missing house book is proposed under its point, and its referral names the register department in the genitive', () => {
    const verdict = evaluateCertificate(certificateCase({ documents: [doc('identity', 'passport_book')] }), { today: TODAY });
    const proposed = proposedRefusalGrounds(verdict, 'certificate');
    expect(proposed).toEqual([{ ruleId: 'R7.4.2', details: 'будинкова книга (приватний сектор)' }]);
    const draft = refusalDraft(proposed, { registerDepartment: department });
    expect(draft.grounds[0]?.text).toMatch(/^п\.\u00a07\.4\.2 — /);
    expect(draft.referral).toContain(`звернутися до Відділу ${department.split(' ').slice(1).join(' ')}.`);
    for (const ground of draft.grounds) expect(refusalGroundSchema.safeParse(ground).success).toBe(true);
  });

  it('R7.4.2: names a department of another form as a unit, and keeps an «управління» as it is', () => {
    expect(organisationGenitive('Управління соціального захисту')).toBe('Управління соціального захисту');
    expect(organisationGenitive('сектор реєстрації')).toBe('сектору реєстрації');
    expect(organisationGenitive('ЦНАП')).toBe('структурного підрозділу «ЦНАП»');
  });

  it('R7.4.1: the identity document is the ground’s own words, so nothing is repeated after them; no referral', () => {
    const verdict = evaluateCertificate(certificateCase({ documents: [doc('housing_records', 'house_book')] }), { today: TODAY });
    const proposed = proposedRefusalGrounds(verdict, 'certificate');
    expect(proposed).toEqual([{ ruleId: 'R7.4.1', details: '' }]);
    expect(refusalDraft(proposed, { registerDepartment: department }).referral).toBeUndefined();
  });

  it('R7.4.3: the children whose birth certificates are missing are named under one ground', () => {
    const household = [
      member('applicant', '1980-01-01'),
      member('daughter', '2015-05-01', { name: name('Шевченко', 'Олена', 'Іванівна') }),
      member('son', '2018-07-01', { name: name('Шевченко', 'Петро', 'Іванович') }),
    ];
    const verdict = evaluateCertificate(certificateCase({ kinds: ['family'], household }), { today: TODAY });
    const proposed = proposedRefusalGrounds(verdict, 'certificate');
    expect(proposed.find((ground) => ground.ruleId === 'R7.4.3')).toEqual({ ruleId: 'R7.4.3', details: 'Шевченко Олена Іванівна; Шевченко Петро Іванович' });
  });

  it('R7.1: a kind’s own documents come under R7.1 with their names; the form’s own data are never a ground', () => {
    // The breadwinner's kinship document is missing, and the deceased was not typed in yet.
    const verdict = evaluateCertificate(certificateCase({ kinds: ['breadwinner_cohabitation'], documents: [doc('identity', 'passport_book'), doc('housing_records', 'house_book'), DEATH_CERTIFICATE] }), { today: TODAY });
    expect(verdict.missing.map((item) => item.id)).toEqual(['kinship_document', 'deceased_details']);
    const proposed = proposedRefusalGrounds(verdict, 'certificate');
    expect(proposed).toEqual([{ ruleId: 'R7.1', details: 'документ, що підтверджує родинні стосунки з померлим (свідоцтво про народження або про шлюб)' }]);
    expect(refusalGroundProblems('certificate', proposed)).toEqual([]);
  });

  it('R7.6.2: the same referral for a certification', () => {
    const verdict = evaluateCertification(certificationCase({ documents: [doc('identity', 'id_card')] }), committeeHistory(), { today: TODAY });
    const proposed = proposedRefusalGrounds(verdict, 'certification');
    expect(proposed.map((ground) => ground.ruleId)).toEqual(['R7.6.2']);
    expect(refusalDraft(proposed, { registerDepartment: department }).referral).toContain('звернутися до Відділу ведення реєстру');
  });

  it('R7.5 and R7.6.6: the signer check proposes its words; the data mismatch waits for the administrator’s', () => {
    const verdict = evaluateCertification(
      certificationCase({ dataMatch: false, signer: { role: 'head', name: { familyName: 'Сидоренко', givenName: 'Петро' }, headAbsence: 'not_applicable' } }),
      committeeHistory(),
      { today: TODAY },
    );
    const proposed = proposedRefusalGrounds(verdict, 'certification');
    expect(proposed.map((ground) => ground.ruleId)).toEqual(['R7.6.6', 'R7.5']);
    expect(proposed[1]?.details).toContain('Сидоренко Петро');
    // The mismatch itself is the administrator's to describe: proposed empty, refused empty.
    expect(proposed[0]?.details).toBe('');
    expect(refusalGroundProblems('certification', proposed)).toEqual([
      { path: 'grounds.0.details', messageKey: 'validation.refusal.detailsNeeded', params: { point: '7.6.6' } },
    ]);
  });

  it('proposes nothing when every document is presented: a refusal then needs a ground the administrator chooses', () => {
    const verdict = evaluateCertificate(certificateCase(), { today: TODAY });
    expect(proposedRefusalGrounds(verdict, 'certificate')).toEqual([]);
  });
});
