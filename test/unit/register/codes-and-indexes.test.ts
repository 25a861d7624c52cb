import { afterEach, describe, expect, it } from 'vitest';
import { officesChannels } from '../../../shared/contract/channels/offices.js';
import { journalsChannels } from '../../../shared/contract/channels/journals.js';
import { isNomenclatureIndex, isOfficeCode } from '../../../shared/domain/directories-core.js';
import { setUpRegister, type TestRegister } from './fixtures.js';

/**
 * Office codes and journal indexes are printed in every number (R7.11) and name offices in
 * bundles: the contract and the services both refuse malformed ones, and there is one central
 * ЦНАП (R3.5).
 */

let register: TestRegister | undefined;
afterEach(async () => {
  await register?.close();
  register = undefined;
});

const badCodes = ['--', 'E-', '06-', '-A', 'A--B', 'ABCDEFGHIJKLM', 'st-01'];
const badIndexes = ['Э-1', '01-Ы', 'Ъ1', '--', '01.', '/01', 'Ё'];

describe('office codes', () => {
  it('accepts letter-and-digit groups joined by single hyphens, and refuses bare or dangling hyphens', () => {
    expect(['CNAP', 'ST-01', 'A1-B2-C3', '7'].map(isOfficeCode)).toEqual([true, true, true, true]);
    for (const code of badCodes) expect(isOfficeCode(code), code).toBe(false);
  });

  it('are refused by the contract and by the offices service, which writes nothing', async () => {
    register = await setUpRegister();
    const create = officesChannels['offices.create'].input;
    for (const code of badCodes) {
      expect(create.safeParse({ code, name: 'Шалигине', kind: 'remote' }).success, code).toBe(false);
      await expect(register.services.offices.create(register.head, { code, name: 'Шалигине', kind: 'remote' }), code).rejects.toMatchObject({
        code: 'invalid_input',
        details: [{ path: 'code', messageKey: 'validation.office.code' }],
      });
    }
    const office = await register.services.offices.create(register.head, { code: 'SH-1', name: 'Шалигине', kind: 'remote' });
    await expect(register.services.offices.update(register.head, { id: office.id, code: '06-' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await register.services.offices.list()).map((o) => o.code).sort()).toEqual(['CNAP', 'SH-1']);
  });
});

describe('the central office (R3.5)', () => {
  it('is one: a second central office is refused, created or changed into', async () => {
    register = await setUpRegister();
    await expect(register.services.offices.create(register.head, { code: 'CNAP2', name: 'Другий ЦНАП', kind: 'central' })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'errors.offices.centralExists',
    });
    const remote = await register.services.offices.create(register.head, { code: 'SH', name: 'Шалигине', kind: 'remote' });
    await expect(register.services.offices.update(register.head, { id: remote.id, kind: 'central' })).rejects.toMatchObject({
      messageKey: 'errors.offices.centralExists',
    });
    const offices = await register.services.offices.list();
    expect(offices.filter((office) => office.kind === 'central')).toHaveLength(1);
  });
});

describe('journal indexes (R7.11)', () => {
  it('take the Ukrainian alphabet, not the А-Я range (no Ъ, Ы, Э, Ё), with signs only between letters and digits', () => {
    expect(['01-21', 'ЦНАП/01', 'Ґ.1', 'ЇЄІ-2', 'AB-1'].map(isNomenclatureIndex)).toEqual([true, true, true, true, true]);
    for (const index of badIndexes) expect(isNomenclatureIndex(index), index).toBe(false);
  });

  it('are refused by the contract and by the journals service', async () => {
    register = await setUpRegister();
    const create = journalsChannels['journals.create'].input;
    for (const index of badIndexes) {
      const input = { officeId: register.officeId, index, title: 'Журнал', sorts: ['certificate' as const] };
      expect(create.safeParse(input).success, index).toBe(false);
      await expect(register.services.journals.create(register.head, input), index).rejects.toMatchObject({
        code: 'invalid_input',
        details: [{ path: 'index', messageKey: 'validation.journal.index' }],
      });
    }
    await expect(register.services.journals.update(register.head, { id: register.journalId, index: 'Э-1' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await register.services.journals.list(register.head)).map((journal) => journal.index)).toEqual(['01-21']);
  });
});
