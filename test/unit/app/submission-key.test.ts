import { request } from 'node:http';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../../electron/app/desk.js';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { startBridge, type RunningBridge } from '../../../electron/bridge/server.js';
import { DeskError } from '../../../shared/contract/errors.js';
import { completeFamilyDraft, disposeRegisterOf, familyDraft, openTestDesk, PRESENTED, registerOptionsOf, type TestDesk } from './desk-harness.js';

/**
 * One submitted form, one entry (R7.7: a number, once given, names one document). The form's key
 * is checked in the entry's transaction, so a double click, a request the bridge retried and a
 * retry after a restart get back the entry the form made, never a second number.
 */

let open: TestDesk | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await open?.close();
  open = undefined;
});

async function issue(desk: TestDesk, submissionKey: string) {
  const { entry } = await desk.call('entries.issueCertificate', {
    journalId: desk.journalId,
    signatoryId: desk.signatoryId,
    certificate: completeFamilyDraft(),
    submissionKey,
  });
  return entry;
}

async function numbersIn(desk: Desk, journalId: string): Promise<number[]> {
  const rows = await desk.register.ctx.db.all<{ number: number }>('SELECT number FROM entries WHERE journal_id = ? ORDER BY number', [journalId]);
  return rows.map((row) => Number(row.number));
}

describe('a form sent twice (R7.7)', () => {
  it('by a double click: both requests, sent at once, are answered with one entry; another form takes the next number', async () => {
    open = await openTestDesk();
    const key = crypto.randomUUID();
    const [first, second] = await Promise.all([issue(open, key), issue(open, key)]);
    expect(second.id).toBe(first.id);
    expect(second.printedNumber).toBe(first.printedNumber);
    expect(await numbersIn(open.desk, open.journalId)).toEqual([first.number]);
    const next = await issue(open, crypto.randomUUID());
    expect(next.number).toBe(first.number + 1);
  });

  it('as a refusal sent again: the same refusal entry', async () => {
    open = await openTestDesk();
    const key = crypto.randomUUID();
    const refuse = () =>
      open!.call('entries.refuse', {
        journalId: open!.journalId,
        signatoryId: open!.signatoryId,
        request: { sort: 'certificate', certificate: familyDraft([PRESENTED.identity]) },
        grounds: [{ ruleId: 'R7.4.2', details: '' }],
        submissionKey: key,
      });
    const first = (await refuse()).entry;
    const again = (await refuse()).entry;
    expect(again.id).toBe(first.id);
    expect(await numbersIn(open.desk, open.journalId)).toEqual([first.number]);
  });

  it('by a browser whose request the bridge received twice: the retry is answered with the entry the first made', async () => {
    open = await openTestDesk();
    const bridge = await startBridge({ dispatcher: open.desk.dispatcher, token: 'bridge-token-for-retry' });
    cleanups.push(() => bridge.close());
    await post(bridge, 'auth.login', { login: SAMPLE_HEAD.login, password: SAMPLE_HEAD.password });
    const body = { journalId: open.journalId, signatoryId: open.signatoryId, certificate: completeFamilyDraft(), submissionKey: crypto.randomUUID() };
    const first = (await post(bridge, 'entries.issueCertificate', body)) as { entry: { id: string; number: number } };
    const retried = (await post(bridge, 'entries.issueCertificate', body)) as { entry: { id: string } };
    expect(retried.entry.id).toBe(first.entry.id);
    expect(await numbersIn(open.desk, open.journalId)).toEqual([first.entry.number]);
  });

  it('after the desk was restarted between the two: the entry made before the restart, still one number', async () => {
    const first = await openTestDesk();
    const { dataDir, journalId, signatoryId } = first;
    const key = crypto.randomUUID();
    const before = await issue(first, key);
    await first.desk.close();
    const again = await createDesk({ dataDir, demo: false, appVersion: 'test', ...registerOptionsOf(dataDir) });
    cleanups.push(async () => {
      await again.close();
      await disposeRegisterOf(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    });
    const call = async (channel: string, input: unknown) => {
      const result = await again.dispatcher.dispatch(channel, input, { sessionKey: 'after-restart', transport: 'cli' });
      if (!result.ok) throw DeskError.fromShape(result.error);
      return result.value;
    };
    await call('auth.login', { login: SAMPLE_HEAD.login, password: SAMPLE_HEAD.password });
    const after = (await call('entries.issueCertificate', { journalId, signatoryId, certificate: completeFamilyDraft(), submissionKey: key })) as { entry: { id: string } };
    expect(after.entry.id).toBe(before.id);
    expect(await numbersIn(again, journalId)).toEqual([before.number]);
  });

  it('to another journal: refused, since a key names one form sent to one journal', async () => {
    open = await openTestDesk();
    const key = crypto.randomUUID();
    await issue(open, key);
    const other = await open.call('journals.create', { officeId: open.officeId, index: '01-22', title: 'Другий журнал довідок', sorts: ['certificate'] });
    await expect(
      open.call('entries.issueCertificate', { journalId: other.id, signatoryId: open.signatoryId, certificate: completeFamilyDraft(), submissionKey: key }),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'errors.entries.submissionReused' });
    expect(await numbersIn(open.desk, other.id)).toEqual([]);
  });

  it('with a key that is not a UUID: refused by the contract', async () => {
    open = await openTestDesk();
    const sent = await open.raw('entries.issueCertificate', { journalId: open.journalId, signatoryId: open.signatoryId, certificate: completeFamilyDraft(), submissionKey: 'twice' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

/** One POST to the bridge as a browser tab with its own session header; the envelope's value, or throws. */
function post(bridge: RunningBridge, channel: string, input: unknown): Promise<unknown> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: `/api/${channel}`,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${bridge.port}`,
          Authorization: `Bearer ${bridge.token}`,
          'Content-Type': 'application/json',
          'X-Desk-Session': 'tab-retried-request',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; value?: unknown; error?: unknown };
          if (envelope.ok) resolve(envelope.value);
          else reject(new Error(JSON.stringify(envelope.error)));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
