import fc from 'fast-check';
import type { z } from 'zod';
import { contract } from '../../../shared/contract/index.js';
import { envelopeSchema } from '../../../shared/contract/errors.js';
import { startBridge, type RunningBridge } from '../../../electron/bridge/server.js';
import { HEAD_PASSWORD, HEAD_SESSION, issueInput, openDesk, prepareRegister } from './desk.js';
import { changedTables, registerDigest, tableDigests } from './digest.js';
import { hostilePayload, NASTY_STRINGS } from './hostile.js';
import { sqliteOf } from '../../unit/register/fixtures.js';

export interface FuzzFigures {
  channels: number;
  payloads: number;
  sentToDispatcher: number;
  sentOverBridge: number;
  anonymous: number;
  /** Valid payloads for channels that write: sending them would change the register legitimately. */
  skippedValidWrites: number;
  okAnswers: number;
  errorCodes: Record<string, number>;
  problems: string[];
  digestBefore: string;
  digestAfter: string;
  /** Tables whose rows differ after the run (empty when the digest is unchanged). */
  changedTables: string[];
  prototypePolluted: boolean;
}

const BRIDGE_SESSION = 'fuzz-head-session-0001';

/** The top-level field names of a channel's input, unwrapping optional/default/pipe wrappers. */
export function fieldNamesOf(schema: z.ZodType): string[] {
  let current: unknown = schema;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const candidate = current as { shape?: Record<string, unknown>; def?: { in?: unknown; innerType?: unknown } };
    if (candidate.shape) return Object.keys(candidate.shape);
    current = candidate.def?.in ?? candidate.def?.innerType;
  }
  return [];
}

/**
 * Sends `payloads` generated hostile payloads, spread over every channel of the contract, to the
 * dispatcher and over the HTTP bridge, logged in as the head (every fifth anonymously), and
 * records what came back.
 */
export async function runFuzz(options: { payloads: number; seed: number }): Promise<FuzzFigures> {
  const register = await prepareRegister();
  const { desk, call } = await openDesk(register.dataDir);
  const first = (await call('entries.issueCertificate', issueInput(register))).entry;
  const second = (await call('entries.issueCertificate', issueInput(register, 'Бондаренко'))).entry;
  await call('entries.annul', { entryId: second.id, reason: 'Помилка в адресі' });
  const bridge = await startBridge({ dispatcher: desk.dispatcher });
  const figures: FuzzFigures = {
    channels: 0,
    payloads: 0,
    sentToDispatcher: 0,
    sentOverBridge: 0,
    anonymous: 0,
    skippedValidWrites: 0,
    okAnswers: 0,
    errorCodes: {},
    problems: [],
    digestBefore: '',
    digestAfter: '',
    changedTables: [],
    prototypePolluted: false,
  };
  try {
    const login = await post(bridge, 'auth.login', { login: 'head', password: HEAD_PASSWORD }, BRIDGE_SESSION);
    if (!(login.body as { ok?: boolean }).ok) throw new Error('the bridge login failed');
    figures.digestBefore = registerDigest(sqliteOf(desk.register.ctx.db));
    const tablesBefore = tableDigests(sqliteOf(desk.register.ctx.db));
    const samples = validSamples({ ...register, entryId: first.id, officeId: first.officeId });
    const names = Object.keys(contract) as (keyof typeof contract)[];
    figures.channels = names.length;
    const perChannel = Math.ceil(options.payloads / names.length);
    for (const [index, name] of names.entries()) {
      const def = contract[name];
      // Three times as many as needed: valid writes are drawn too and set aside.
      const generated = fc.sample(hostilePayload(fieldNamesOf(def.input), samples[name] ?? []), { numRuns: perChannel * 3, seed: options.seed + index });
      let sent = 0;
      for (const payload of generated) {
        if (sent === perChannel) break;
        if (def.mutates && isValidWrite(def.input, payload)) {
          figures.skippedValidWrites += 1;
          continue;
        }
        const anonymous = sent % 5 === 0;
        sent += 1;
        if (anonymous) figures.anonymous += 1;
        figures.payloads += 1;
        const direct = await desk.dispatcher.dispatch(name, payload, { sessionKey: anonymous ? 'fuzz-anonymous' : HEAD_SESSION, transport: 'ipc' });
        figures.sentToDispatcher += 1;
        judge(figures, name, 'dispatcher', direct);
        const overHttp = await post(bridge, name, payload, anonymous ? undefined : BRIDGE_SESSION);
        figures.sentOverBridge += 1;
        judge(figures, name, `bridge ${overHttp.status}`, overHttp.body);
      }
    }
    await sendMalformedRequests(bridge, figures);
    figures.digestAfter = registerDigest(sqliteOf(desk.register.ctx.db));
    figures.changedTables = changedTables(tablesBefore, tableDigests(sqliteOf(desk.register.ctx.db)));
    figures.prototypePolluted = ({} as Record<string, unknown>).polluted !== undefined || (Object.prototype as Record<string, unknown>).role !== undefined;
    // The bridge still answers after all of it.
    const info = await post(bridge, 'app.info', {});
    if (!(info.body as { ok?: boolean }).ok) figures.problems.push('the bridge stopped answering');
    return figures;
  } finally {
    await bridge.close();
    desk.close();
    register.remove();
  }
}

/** Valid as sent, or as it arrives over HTTP (JSON drops `undefined` and turns NaN into null). */
function isValidWrite(schema: z.ZodType, payload: unknown): boolean {
  if (schema.safeParse(payload).success) return true;
  const text = JSON.stringify(payload);
  return schema.safeParse(text === undefined ? {} : JSON.parse(text)).success;
}

/** Every answer must be an envelope; an error must carry a known code and a message key, a value must pass the channel's output schema. */
function judge(figures: FuzzFigures, channel: string, via: string, envelope: unknown): void {
  const parsed = envelopeSchema.safeParse(envelope);
  if (!parsed.success) {
    figures.problems.push(`${channel} via ${via}: not an envelope: ${JSON.stringify(envelope).slice(0, 200)}`);
    return;
  }
  if (parsed.data.ok) {
    figures.okAnswers += 1;
    const def = contract[channel as keyof typeof contract];
    if (def && !def.output.safeParse(parsed.data.value).success) figures.problems.push(`${channel} via ${via}: value does not pass the output schema`);
    return;
  }
  const { code, messageKey } = parsed.data.error;
  figures.errorCodes[code] = (figures.errorCodes[code] ?? 0) + 1;
  if (!/^(errors|validation)\.[A-Za-z0-9_.]+$/.test(messageKey)) figures.problems.push(`${channel} via ${via}: message key ${messageKey}`);
  // `internal` means a handler threw something it did not expect: hostile input must be refused, not crash a handler.
  if (code === 'internal') figures.problems.push(`${channel} via ${via}: internal error`);
}

async function post(bridge: RunningBridge, channel: string, payload: unknown, session?: string, rawBody?: Buffer | string): Promise<{ status: number; body: unknown }> {
  const body = rawBody ?? JSON.stringify(payload) ?? '';
  const response = await fetch(`http://127.0.0.1:${bridge.port}/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${bridge.token}`,
      'content-type': 'application/json',
      ...(session ? { 'x-desk-session': session } : {}),
    },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: text };
  }
}

/** What a fetch() from a page cannot even produce as JSON: broken bodies, odd channel names. */
async function sendMalformedRequests(bridge: RunningBridge, figures: FuzzFigures): Promise<void> {
  const cases: [string, Buffer | string][] = [
    ['journal.search', '{"text": "unterminated'],
    ['journal.search', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc3])],
    ['journal.search', 'null'],
    ['journal.search', '[1,2,3]'],
    ['journal.search', '"just a string"'],
    ['journal.search', '{"text": "\\ud800"}'],
    ['../../etc/passwd', '{}'],
    ['__proto__', '{}'],
    ['constructor', '{}'],
    ['journal.search/../../backup.restore', '{}'],
    ...NASTY_STRINGS.slice(0, 10).map((name): [string, string] => [name, '{}']),
  ];
  for (const [channel, body] of cases) {
    const answer = await post(bridge, channel, undefined, BRIDGE_SESSION, body);
    figures.payloads += 1;
    figures.sentOverBridge += 1;
    judge(figures, channel, `bridge raw ${answer.status}`, answer.body);
  }
}

function validSamples(ids: { journalId: string; signatoryId: string; entryId: string; officeId: string }): Partial<Record<keyof typeof contract, unknown[]>> {
  const issue = issueInput(ids);
  return {
    'auth.login': [{ login: 'head', password: 'wrong password' }],
    'users.create': [{ login: 'fuzzer', fullName: 'Хтось Інший', role: 'admin', officeId: ids.officeId, password: 'long-enough-pass' }],
    'settings.update': [{ idleLockMinutes: 20 }],
    'entries.get': [{ id: ids.entryId }],
    'entries.handover': [{ entryId: ids.entryId, receivedBy: 'subject', recipientName: 'Шевченко Т. Г.' }],
    'entries.annul': [{ entryId: ids.entryId, reason: 'Помилка в адресі' }],
    'entries.issueCertificate': [issue],
    'entries.refuse': [{ journalId: ids.journalId, signatoryId: ids.signatoryId, request: { sort: 'certificate', certificate: issue.certificate }, grounds: [{ ruleId: 'R7.4.2', details: '' }] }],
    'documents.preview': [issue],
    'documents.render': [{ entryId: ids.entryId }],
    'documents.journalPages': [{ journalId: ids.journalId, dateFrom: '2025-01-01', dateTo: '2030-12-31' }],
    'journal.search': [{ text: 'Шевченко', page: 1, pageSize: 10 }],
    'journal.verify': [{ journalId: ids.journalId }],
    'audit.viewersOfEntry': [{ entryId: ids.entryId }],
    'audit.list': [{ page: 1, pageSize: 10 }],
    'backup.restore': [{ name: 'register-2025-01-01T00-00-00-000Z-manual.sqlite' }],
    'register.acknowledgeTamper': [{ journalId: ids.journalId, decision: 'resume_writing', note: 'перевірено' }],
    'declension.decline': [{ familyName: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' }],
  };
}
