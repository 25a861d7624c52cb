import { afterEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../electron/register/services/session.js';
import { allowAll, certificate, HEAD_PASSWORD, requisites, setUpRegister, type TestRegister } from './fixtures.js';

let register: TestRegister | undefined;
afterEach(() => register?.close());

const ADMIN_PASSWORD = 'admin-password-1';

async function withRemoteAdmin(r: TestRegister): Promise<{ remote: SessionUser; remoteOfficeId: string; remoteJournalId: string }> {
  const office = await r.services.offices.create(r.head, { code: 'SH', name: 'Шалигине', kind: 'remote', starostaDistrict: 'Шалигинський' });
  const journal = await r.services.journals.create(r.head, { officeId: office.id, index: '02-01', title: 'Журнал Шалигине', sorts: ['certificate', 'refusal'] });
  await r.services.users.create(r.head, { login: 'remote', fullName: 'Віддалена Адміністраторка', role: 'remote_admin', officeId: office.id, password: ADMIN_PASSWORD });
  const { user } = await r.services.auth.login('remote-window', 'remote', ADMIN_PASSWORD);
  return { remote: user, remoteOfficeId: office.id, remoteJournalId: journal.id };
}

describe('setup', () => {
  it('reports done and refuses a second run', async () => {
    register = await setUpRegister();
    await expect(register.services.setup.status()).resolves.toEqual({ needsSetup: false, trainingMode: false });
    await expect(
      register.services.setup.run({
        requisites,
        centralOffice: { name: 'Інший', code: 'X' },
        journal: { index: '01-01', title: 'Журнал' },
        head: { login: 'other', fullName: 'Інша Особа', password: 'another-password' },
      }),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'errors.setup.alreadyDone' });
    await expect(register.services.settings.getRequisites()).resolves.toEqual(requisites);
  });
});

describe('login, lockout and idle lock', () => {
  it('locks the account for five minutes after five failed logins, even for the right password', async () => {
    register = await setUpRegister();
    const { services, clock } = register;
    for (let i = 1; i <= 4; i += 1) {
      await expect(services.auth.login('w', 'head', 'wrong-password')).rejects.toMatchObject({ code: 'unauthenticated' });
    }
    await expect(services.auth.login('w', 'head', 'wrong-password')).rejects.toMatchObject({ code: 'account_locked', params: { minutes: 5 } });
    await expect(services.auth.login('w', 'head', HEAD_PASSWORD)).rejects.toMatchObject({ code: 'account_locked' });
    clock.advanceMinutes(4);
    await expect(services.auth.login('w', 'head', HEAD_PASSWORD)).rejects.toMatchObject({ code: 'account_locked', params: { minutes: 1 } });
    clock.advanceMinutes(1.1);
    await expect(services.auth.login('w', 'head', HEAD_PASSWORD)).resolves.toMatchObject({ user: { login: 'head' } });
    expect(services.auth.userFor('w')?.login).toBe('head');
  });

  it('does not lock after four failures followed by a success', async () => {
    register = await setUpRegister();
    const { services } = register;
    for (let i = 0; i < 4; i += 1) await expect(services.auth.login('w', 'head', 'nope-nope')).rejects.toBeTruthy();
    await services.auth.login('w', 'head', HEAD_PASSWORD);
    for (let i = 0; i < 4; i += 1) await expect(services.auth.login('w', 'head', 'nope-nope')).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('answers an unknown login like a wrong password and logs no typed text', async () => {
    register = await setUpRegister();
    const { services, head } = register;
    await expect(services.auth.login('w', 'ghost', 'секретний-пароль')).rejects.toMatchObject({ code: 'unauthenticated', messageKey: 'errors.auth.badCredentials' });
    const log = await services.audit.list(head, { action: 'auth.login_failed', page: 1, pageSize: 10 });
    expect(JSON.stringify(log.items)).not.toMatch(/ghost|секретний/);
  });

  it('locks a session after the idle minutes without a call, and a call keeps it alive', async () => {
    register = await setUpRegister();
    const { services, clock } = register;
    clock.advanceMinutes(14);
    expect(services.auth.userFor('head-window')).not.toBeNull();
    clock.advanceMinutes(14);
    services.auth.touch('head-window');
    clock.advanceMinutes(14);
    await expect(services.auth.me('head-window')).resolves.not.toBeNull();
    clock.advanceMinutes(2);
    expect(services.auth.userFor('head-window')).toBeNull();
  });

  it('logs out, and ends the sessions of a deactivated user', async () => {
    register = await setUpRegister();
    const { services, head, officeId } = register;
    const admin = await services.users.create(head, { login: 'admin', fullName: 'Адмін Адмінович', role: 'admin', officeId, password: ADMIN_PASSWORD });
    await services.auth.login('admin-window', 'admin', ADMIN_PASSWORD);
    await services.users.update(head, { id: admin.id, active: false });
    expect(services.auth.userFor('admin-window')).toBeNull();
    await expect(services.auth.login('admin-window', 'admin', ADMIN_PASSWORD)).rejects.toMatchObject({ code: 'unauthenticated' });
    await services.auth.logout('head-window');
    expect(services.auth.userFor('head-window')).toBeNull();
  });

  it('resets a password', async () => {
    register = await setUpRegister();
    const { services, head, officeId } = register;
    const admin = await services.users.create(head, { login: 'admin', fullName: 'Адмін Адмінович', role: 'admin', officeId, password: ADMIN_PASSWORD });
    await services.users.resetPassword(head, { id: admin.id, password: 'brand-new-password' });
    await expect(services.auth.login('a', 'admin', ADMIN_PASSWORD)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(services.auth.login('a', 'admin', 'brand-new-password')).resolves.toBeTruthy();
  });
});

describe('role checks in the services', () => {
  it('keeps users, offices, journals, settings and the audit log to the head', async () => {
    register = await setUpRegister();
    const { services, head, officeId, journalId } = register;
    await services.users.create(head, { login: 'admin', fullName: 'Адмін Адмінович', role: 'admin', officeId, password: ADMIN_PASSWORD });
    const { user: admin } = await services.auth.login('admin-window', 'admin', ADMIN_PASSWORD);
    const forbidden = { code: 'forbidden' };
    await expect(services.users.list(admin)).rejects.toMatchObject(forbidden);
    await expect(services.users.create(admin, { login: 'x-user', fullName: 'X X', role: 'head', officeId, password: 'xxxxxxxxxxxx' })).rejects.toMatchObject(forbidden);
    await expect(services.users.update(admin, { id: admin.userId, role: 'head' })).rejects.toMatchObject(forbidden);
    await expect(services.users.resetPassword(admin, { id: head.userId, password: 'xxxxxxxxxxxx' })).rejects.toMatchObject(forbidden);
    await expect(services.offices.create(admin, { code: 'Z', name: 'Z office', kind: 'remote' })).rejects.toMatchObject(forbidden);
    await expect(services.offices.update(admin, { id: officeId, name: 'Renamed' })).rejects.toMatchObject(forbidden);
    await expect(services.journals.create(admin, { officeId, index: '09', title: 'Новий', sorts: ['certificate'] })).rejects.toMatchObject(forbidden);
    await expect(services.journals.update(admin, { id: journalId, title: 'Інша назва' })).rejects.toMatchObject(forbidden);
    await expect(services.settings.update(admin, { idleLockMinutes: 60 })).rejects.toMatchObject(forbidden);
    await expect(services.settings.updateRequisites(admin, requisites)).rejects.toMatchObject(forbidden);
    await expect(services.audit.list(admin, { page: 1, pageSize: 10 })).rejects.toMatchObject(forbidden);
    await expect(services.audit.viewersOfEntry(admin, 'x')).rejects.toMatchObject(forbidden);
    await expect(services.backup.create(admin)).rejects.toMatchObject(forbidden);
    await expect(services.backup.list(admin)).rejects.toMatchObject(forbidden);
    await expect(services.backup.restore(admin, '/nowhere')).rejects.toMatchObject(forbidden);
    // What an administrator may do.
    await expect(services.settings.get()).resolves.toMatchObject({ idleLockMinutes: 15 });
    await expect(services.journals.list(admin)).resolves.toHaveLength(1);
  });

  it('R3.5: keeps a remote administrator to the journals of their own office', async () => {
    register = await setUpRegister();
    const { services, head, journalId, officeId } = register;
    const { remote, remoteJournalId, remoteOfficeId } = await withRemoteAdmin(register);
    const central = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    const own = await services.entries.appendEntry({ journalId: remoteJournalId, content: certificate(), user: remote, gate: allowAll });
    expect(own.officeId).toBe(remoteOfficeId);
    const other = { code: 'forbidden', messageKey: 'errors.register.otherOffice' };
    await expect(services.entries.appendEntry({ journalId, content: certificate(), user: remote, gate: allowAll })).rejects.toMatchObject(other);
    await expect(services.entries.getEntry(remote, central.id)).rejects.toMatchObject(other);
    await expect(services.entries.handover(remote, { entryId: central.id, receivedBy: 'subject', recipientName: 'Х' })).rejects.toMatchObject(other);
    await expect(services.entries.annul(remote, { entryId: central.id, reason: 'спроба' })).rejects.toMatchObject(other);
    await expect(services.entries.searchEntries(remote, { officeId, page: 1, pageSize: 10 })).rejects.toMatchObject(other);
    await expect(services.entries.searchEntries(remote, { journalId, page: 1, pageSize: 10 })).rejects.toMatchObject(other);
    await expect(services.verification.verifyJournal(remote, journalId)).rejects.toMatchObject(other);
    const found = await services.entries.searchEntries(remote, { page: 1, pageSize: 10 });
    expect(found.items.map((e) => e.id)).toEqual([own.id]);
    expect((await services.journals.list(remote)).map((j) => j.id)).toEqual([remoteJournalId]);
    expect((await services.entries.dayTotals(remote, own.localDate)).journals.map((j) => j.journalId)).toEqual([remoteJournalId]);
  });

  it('never lets the last head go, nor a head demote themselves', async () => {
    register = await setUpRegister();
    const { services, head } = register;
    await expect(services.users.update(head, { id: head.userId, active: false })).rejects.toMatchObject({ code: 'conflict' });
    await expect(services.users.update(head, { id: head.userId, role: 'admin' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('logs who viewed an entry for the head', async () => {
    register = await setUpRegister();
    const { services, head, journalId } = register;
    const entry = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    await services.entries.getEntry(head, entry.id);
    const viewers = await services.audit.viewersOfEntry(head, entry.id);
    expect(viewers).toEqual([expect.objectContaining({ userId: head.userId, fullName: head.fullName })]);
  });
});
