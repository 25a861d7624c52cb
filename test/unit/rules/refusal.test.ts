import { describe, expect, it } from 'vitest';
import { refusalGroundSchema } from '../../../shared/domain/entry.js';
import { evaluateCertification } from '../../../shared/rules/certification.js';
import { evaluateCertificate } from '../../../shared/rules/checklist.js';
import { organisationGenitive, refusalGrounds, rulePointText } from '../../../shared/rules/refusal.js';
import { certificateCase, certificationCase, committeeHistory, doc, TODAY } from './fixtures.js';

const department = 'Відділ ведення реєстру територіальної громади';

describe('refusals (R7.4, R7.6, R7.16)', () => {
  it('R7.4.2: a missing house book refers the person to the register department from the settings', () => {
    const verdict = evaluateCertificate(certificateCase({ documents: [doc('identity', 'passport_book')] }), { today: TODAY });
    const draft = refusalGrounds(verdict, { registerDepartment: department });
    expect(draft.grounds.map((g) => g.ruleId)).toEqual(['R7.4.2']);
    expect(draft.grounds[0]?.requirementId).toBe('housing_records');
    expect(draft.grounds[0]?.text).toContain('будинкова книга');
    // «звернутися до» takes the genitive: «Відділу ведення реєстру …».
    expect(draft.referral).toContain(`звернутися до Відділу ${department.split(' ').slice(1).join(' ')}.`);
  });

  it('R7.4.2: names a department of another form as a unit, and keeps an «управління» as it is', () => {
    expect(organisationGenitive('Управління соціального захисту')).toBe('Управління соціального захисту');
    expect(organisationGenitive('сектор реєстрації')).toBe('сектору реєстрації');
    expect(organisationGenitive('ЦНАП')).toBe('структурного підрозділу «ЦНАП»');
  });

  it('R7.6.2: the same referral for a certification', () => {
    const verdict = evaluateCertification(certificationCase({ documents: [doc('identity', 'id_card')] }), committeeHistory(), { today: TODAY });
    const draft = refusalGrounds(verdict, { registerDepartment: department });
    expect(draft.grounds.map((g) => g.ruleId)).toEqual(['R7.6.2']);
    expect(draft.referral).toContain('звернутися до Відділу ведення реєстру');
  });

  it('no referral when the housing records were presented', () => {
    const verdict = evaluateCertificate(certificateCase({ documents: [doc('housing_records', 'house_book')] }), { today: TODAY });
    const draft = refusalGrounds(verdict, { registerDepartment: department });
    expect(draft.grounds.map((g) => g.ruleId)).toEqual(['R7.4.1']);
    expect(draft.referral).toBeUndefined();
  });

  it('R7.16: a fact no certificate can confirm is established in the order the law sets, e.g. by a court', () => {
    const verdict = evaluateCertificate(certificateCase(), { today: TODAY });
    const draft = refusalGrounds(verdict, { registerDepartment: department, factNotConfirmable: true });
    expect(draft.grounds.map((g) => g.ruleId)).toEqual(['R7.16']);
    expect(draft.grounds[0]?.text).toContain('у визначеному законодавством порядку, зокрема в судовому порядку');
  });

  it('R7.6.6 and the signer: checks become grounds in Ukrainian, each a valid RefusalGround', () => {
    const verdict = evaluateCertification(
      certificationCase({ dataMatch: false, signer: { role: 'head', name: { familyName: 'Сидоренко', givenName: 'Петро' }, headAbsence: 'not_applicable' } }),
      committeeHistory(),
      { today: TODAY },
    );
    const draft = refusalGrounds(verdict, { registerDepartment: department });
    expect(draft.grounds.map((g) => g.ruleId)).toEqual(['R7.5', 'R7.6.6']);
    expect(draft.grounds[0]?.text).toContain('Сидоренко Петро');
    expect(draft.grounds[1]?.text).toContain('не відповідають поданим документам');
    for (const ground of draft.grounds) expect(refusalGroundSchema.safeParse(ground).success).toBe(true);
  });

  it('cites the point of the regulation in words', () => {
    expect(rulePointText('R7.4.3')).toBe('підпункт 3 пункту 7.4 Порядку видачі довідок');
    expect(rulePointText('R7.16')).toBe('пункт 7.16 Порядку видачі довідок');
  });
});
