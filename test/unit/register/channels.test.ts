import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelMap } from '../../../shared/contract/define.js';
import { auditChannels } from '../../../shared/contract/channels/audit.js';
import { authChannels } from '../../../shared/contract/channels/auth.js';
import { backupChannels } from '../../../shared/contract/channels/backup.js';
import { entriesChannels } from '../../../shared/contract/channels/entries.js';
import { jobsChannels } from '../../../shared/contract/channels/jobs.js';
import { journalChannels } from '../../../shared/contract/channels/journal.js';
import { journalsChannels } from '../../../shared/contract/channels/journals.js';
import { officesChannels } from '../../../shared/contract/channels/offices.js';
import { registerChannels } from '../../../shared/contract/channels/register.js';
import { requisitesChannels } from '../../../shared/contract/channels/requisites.js';
import { settingsChannels } from '../../../shared/contract/channels/settings.js';
import { setupChannels } from '../../../shared/contract/channels/setup.js';
import { usersChannels } from '../../../shared/contract/channels/users.js';
import { auditHandlers } from '../../../electron/app/handlers/audit.js';
import { authHandlers } from '../../../electron/app/handlers/auth.js';
import { backupHandlers } from '../../../electron/app/handlers/backup.js';
import { entriesHandlers } from '../../../electron/app/handlers/entries.js';
import { jobsHandlers } from '../../../electron/app/handlers/jobs.js';
import { journalHandlers } from '../../../electron/app/handlers/journal.js';
import { journalsHandlers } from '../../../electron/app/handlers/journals.js';
import { officesHandlers } from '../../../electron/app/handlers/offices.js';
import { settingsHandlers } from '../../../electron/app/handlers/settings.js';
import { setupHandlers } from '../../../electron/app/handlers/setup.js';
import { usersHandlers } from '../../../electron/app/handlers/users.js';
import { createJobRegistry } from '../../../electron/app/jobs.js';
import { createDispatcher, type Dispatcher } from '../../../electron/ipc/dispatch.js';
import type { RegisterServices } from '../../../electron/register/index.js';
import type { Role } from '../../../shared/domain/roles.js';
import { allowAll, certificate, HEAD_PASSWORD, requisites, setUpRegister, type TestRegister } from './fixtures.js';
import { onPostgres } from '../../support/register-backend.js';

const registerContract = {
  ...setupChannels,
  ...authChannels,
  ...usersChannels,
  ...officesChannels,
  ...journalsChannels,
  ...settingsChannels,
  ...requisitesChannels,
  ...entriesChannels,
  ...journalChannels,
  ...auditChannels,
  ...backupChannels,
  ...registerChannels,
  ...jobsChannels,
} as const satisfies ChannelMap;

function dispatcherFor(services: RegisterServices): Dispatcher {
  const jobs = createJobRegistry();
  return createDispatcher(
    registerContract,
    {
      ...setupHandlers(services),
      ...authHandlers(services),
      ...usersHandlers(services),
      ...officesHandlers(services),
      ...journalsHandlers(services),
      ...settingsHandlers(services),
      ...entriesHandlers(services),
      ...journalHandlers(services),
      ...auditHandlers(services),
      ...backupHandlers(services, jobs),
      ...jobsHandlers(jobs),
    },
    services.sessions,
  );
}

let register: TestRegister | undefined;
afterEach(() => register?.close());

const PASSWORDS: Record<Role, string> = { head: HEAD_PASSWORD, admin: 'admin-password-1', remote_admin: 'remote-password-1' };

async function withEveryRole(r: TestRegister, desk: Dispatcher): Promise<{ remoteOfficeId: string }> {
  const office = await r.services.offices.create(r.head, { code: 'SH', name: 'Шалигине', kind: 'remote' });
  await r.services.users.create(r.head, { login: 'admin', fullName: 'Адмін Адмінович', role: 'admin', officeId: r.officeId, password: PASSWORDS.admin });
  await r.services.users.create(r.head, { login: 'remote', fullName: 'Віддалена Працівниця', role: 'remote_admin', officeId: office.id, password: PASSWORDS.remote_admin });
  for (const [login, key] of [['head', 'head'], ['admin', 'admin'], ['remote', 'remote_admin']] as const) {
    const result = await desk.dispatch('auth.login', { login, password: PASSWORDS[key] }, { sessionKey: key, transport: 'bridge' });
    expect(result.ok).toBe(true);
  }
  return { remoteOfficeId: office.id };
}

describe('register channels through the dispatcher', () => {
  it('refuses every role-restricted channel to the roles it does not list, and every session channel without a login', async () => {
    register = await setUpRegister();
    const desk = dispatcherFor(register.services);
    await withEveryRole(register, desk);
    let refusals = 0;
    for (const [name, def] of Object.entries(registerContract)) {
      if (def.access === 'public') continue;
      const anonymous = await desk.dispatch(name, {}, { sessionKey: 'nobody', transport: 'bridge' });
      // Input is validated first: channels whose input needs fields answer invalid_input before auth.
      if (anonymous.ok) throw new Error(`${name} answered without a session`);
      expect(['unauthenticated', 'invalid_input'], name).toContain(anonymous.error.code);
      if (def.access === 'session') continue;
      for (const role of ['admin', 'remote_admin'] as const) {
        if (def.access.includes(role)) continue;
        const input = sampleInput(name);
        const result = await desk.dispatch(name, input, { sessionKey: role, transport: 'bridge' });
        expect(result, `${name} as ${role}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        refusals += 1;
      }
    }
    // users.* (4), offices create/update, journals create/update/yearStarts.set, settings/requisites
    // update, audit.* (2), backup.* (3), register.acknowledgeTamper: 17 channels, each refused to two roles.
    expect(refusals).toBe(34);
  });

  it('answers with outputs that pass their schemas', async () => {
    register = await setUpRegister();
    const { services, head, journalId } = register;
    const desk = dispatcherFor(services);
    await desk.dispatch('auth.login', { login: 'head', password: HEAD_PASSWORD }, { sessionKey: 'w', transport: 'ipc' });
    const entry = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    const call = (name: string, input: unknown) => desk.dispatch(name, input, { sessionKey: 'w', transport: 'ipc' });
    const calls: [string, unknown][] = [
      ['setup.status', {}],
      ['auth.me', {}],
      ['users.list', {}],
      ['offices.list', {}],
      ['journals.list', {}],
      ['settings.get', {}],
      ['settings.update', { idleLockMinutes: 20, backupFolder: null }],
      ['requisites.get', {}],
      ['requisites.update', requisites],
      ['entries.get', { id: entry.id }],
      ['entries.knownCase', { person: { name: { familyName: 'Шевченко', givenName: 'Тарас' } }, address: { settlement: 'Глухів', house: '1' } }],
      ['entries.handover', { entryId: entry.id, receivedBy: 'subject', recipientName: 'Шевченко Т. Г.' }],
      ['entries.annul', { entryId: entry.id, reason: 'Помилка в адресі' }],
      ['journal.search', { text: 'шевченко' }],
      ['journal.dayTotals', { localDate: entry.localDate }],
      ['journal.verify', { journalId }],
      ['audit.list', {}],
      ['audit.viewersOfEntry', { entryId: entry.id }],
      ['backup.list', {}],
      ['register.health', {}],
    ];
    for (const [name, input] of calls) {
      const result = await call(name, input);
      expect(result, name).toMatchObject({ ok: true });
    }
    const search = await call('journal.search', { text: 'ШЕВЧЕНКО' });
    expect(search).toMatchObject({ ok: true, value: { total: 1, items: [{ id: entry.id, status: 'annulled' }] } });
    if (onPostgres) {
      // A server's register is backed up by the server (pg_dump), and the desk says so.
      await expect(call('backup.create', {})).resolves.toMatchObject({ ok: false, error: { messageKey: 'errors.backup.onServer' } });
      return;
    }
    // Backup and restore are jobs: they answer an id, and the outcome comes with the status.
    const untilEnded = async (started: Awaited<ReturnType<typeof call>>) => {
      if (!started.ok) throw new Error('the job did not start');
      const { jobId } = started.value as { jobId: string };
      for (;;) {
        const status = await call('jobs.status', { jobId });
        if (!status.ok || (status.value as { state: string }).state !== 'running') return status;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    await expect(untilEnded(await call('backup.create', {}))).resolves.toMatchObject({ ok: true, value: { state: 'done' } });
    const list = await call('backup.list', {});
    if (!list.ok) throw new Error('backup.list failed');
    const name = (list.value as { items: { name: string }[] }).items[0]!.name;
    await expect(untilEnded(await call('backup.restore', { name }))).resolves.toMatchObject({ ok: true, value: { state: 'done' } });
    await expect(call('auth.me', {})).resolves.toMatchObject({ ok: true, value: { user: null } });
  });
});

/** Inputs that pass each channel's schema, so the role check (not validation) answers. */
function sampleInput(name: string): unknown {
  const samples: Record<string, unknown> = {
    'users.create': { login: 'someone', fullName: 'Хтось Інший', role: 'admin', officeId: 'x', password: 'long-enough-pass' },
    'users.update': { id: 'x' },
    'users.resetPassword': { id: 'x', password: 'long-enough-pass' },
    'offices.create': { code: 'Z', name: 'Zoffice', kind: 'remote' },
    'offices.update': { id: 'x' },
    'journals.create': { officeId: 'x', index: '09', title: 'Журнал', sorts: ['certificate'] },
    'journals.update': { id: 'x' },
    'journals.yearStarts.set': { journalId: 'x', paperLastNumber: 37, paperClosedBy: 'Коваль О. П., адміністратор' },
    'settings.update': {},
    'requisites.update': requisites,
    'audit.viewersOfEntry': { entryId: 'x' },
    'backup.restore': { name: 'register-2025-01-01T00-00-00-000Z-manual.sqlite' },
    'register.acknowledgeTamper': { journalId: 'x', decision: 'resume_writing', note: 'перевірено' },
  };
  return samples[name] ?? {};
}
