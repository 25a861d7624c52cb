import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineChannel } from '../../../shared/contract/define.js';
import { DeskError } from '../../../shared/contract/errors.js';
import { contract } from '../../../shared/contract/index.js';
import { createDispatcher } from '../../../electron/ipc/dispatch.js';
import type { HandlerMap } from '../../../electron/ipc/handler-types.js';
import type { SessionUser } from '../../../electron/register/services/session.js';

const admin: SessionUser = { userId: 'u1', login: 'admin', fullName: 'Адміністратор', role: 'admin', officeId: 'o1' };
const call = { sessionKey: 'test', transport: 'ipc' as const };

const testContract = {
  'test.echo': defineChannel({
    input: z.object({ text: z.string().max(10) }).strict(),
    output: z.object({ text: z.string() }),
    access: 'session',
    mutates: false,
    summary: 'echo',
  }),
  'test.headOnly': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: ['head'],
    mutates: true,
    summary: 'head only',
  }),
} as const;

function dispatcherWith(handlers: HandlerMap<typeof testContract>, user: SessionUser | null = admin) {
  return createDispatcher(testContract, handlers, { userFor: () => user });
}

describe('dispatcher', () => {
  it('rejects invalid input with a structured error before the handler runs, on every channel of the contract', async () => {
    const spies = Object.fromEntries(Object.keys(contract).map((name) => [name, vi.fn()]));
    const dispatcher = createDispatcher(contract, spies as never, { userFor: () => admin });
    // Every channel input is a strict object: unknown keys (and `__proto__` smuggled in JSON) are refused.
    const badPayloads: unknown[] = [null, 'text', 42, [], JSON.parse('{"__proto__":{"polluted":true},"unexpected":"field"}')];
    for (const name of Object.keys(contract)) {
      for (const payload of badPayloads) {
        const result = await dispatcher.dispatch(name, payload, call);
        expect(result, `${name} accepted ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
    }
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
  });

  it('passes a valid payload to the handler and validates its output', async () => {
    const dispatcher = dispatcherWith({ 'test.echo': async ({ text }) => ({ text }), 'test.headOnly': async () => ({ ok: true }) });
    await expect(dispatcher.dispatch('test.echo', { text: 'привіт' }, call)).resolves.toEqual({ ok: true, value: { text: 'привіт' } });
  });

  it('catches a handler output that breaks its schema', async () => {
    const dispatcher = dispatcherWith({
      'test.echo': async () => ({ text: 42 }) as never,
      'test.headOnly': async () => ({ ok: true }),
    });
    const result = await dispatcher.dispatch('test.echo', { text: 'a' }, call);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_output', messageKey: 'errors.invalid_output' } });
  });

  it('turns a raw exception into `internal` without leaking its message', async () => {
    const dispatcher = dispatcherWith({
      'test.echo': async () => {
        throw new Error('SELECT * FROM entries WHERE name = "Шевченко"');
      },
      'test.headOnly': async () => ({ ok: true }),
    });
    const result = await dispatcher.dispatch('test.echo', { text: 'a' }, call);
    expect(JSON.stringify(result)).not.toContain('Шевченко');
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('logs an `internal` failure for IT with channel, class and stack frames, never the message or the input', async () => {
    const logged: [string, Record<string, unknown>][] = [];
    const dispatcher = createDispatcher(
      testContract,
      {
        'test.echo': async () => {
          throw new TypeError('cannot read «Шевченко»');
        },
        'test.headOnly': async () => ({ ok: true as const }),
      },
      { userFor: () => admin },
      { error: (message, details) => logged.push([message, details]) },
    );
    await dispatcher.dispatch('test.echo', { text: 'Петренко' }, call);
    expect(logged).toHaveLength(1);
    const [, details] = logged[0]!;
    expect(details).toMatchObject({ channel: 'test.echo', error: 'TypeError' });
    expect((details.stack as string[]).length).toBeGreaterThan(0);
    expect((details.stack as string[]).every((frame) => frame.startsWith('at '))).toBe(true);
    expect(JSON.stringify(logged)).not.toMatch(/Шевченко|Петренко/);
  });

  it('keeps a DeskError thrown by a handler as it is', async () => {
    const dispatcher = dispatcherWith({
      'test.echo': async () => {
        throw new DeskError('not_found', 'errors.journal.notFound', { id: 'x' });
      },
      'test.headOnly': async () => ({ ok: true }),
    });
    const result = await dispatcher.dispatch('test.echo', { text: 'a' }, call);
    expect(result).toEqual({ ok: false, error: { code: 'not_found', messageKey: 'errors.journal.notFound', params: { id: 'x' } } });
  });

  it('refuses calls without a session and calls by a role the channel does not allow', async () => {
    const handlers = { 'test.echo': vi.fn(async () => ({ text: 'x' })), 'test.headOnly': vi.fn(async () => ({ ok: true as const })) };
    const anonymous = dispatcherWith(handlers, null);
    await expect(anonymous.dispatch('test.echo', { text: 'a' }, call)).resolves.toMatchObject({ error: { code: 'unauthenticated' } });
    const asAdmin = dispatcherWith(handlers);
    await expect(asAdmin.dispatch('test.headOnly', {}, call)).resolves.toMatchObject({ error: { code: 'forbidden' } });
    expect(handlers['test.headOnly']).not.toHaveBeenCalled();
    const asHead = dispatcherWith(handlers, { ...admin, role: 'head' });
    await expect(asHead.dispatch('test.headOnly', {}, call)).resolves.toEqual({ ok: true, value: { ok: true } });
  });

  it('answers an unknown channel, including prototype names, with a structured error', async () => {
    const dispatcher = dispatcherWith({ 'test.echo': async () => ({ text: '' }), 'test.headOnly': async () => ({ ok: true }) });
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'test.echo.x']) {
      await expect(dispatcher.dispatch(name, {}, call)).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('maps zod message keys to field details', async () => {
    const dispatcher = dispatcherWith({ 'test.echo': async () => ({ text: '' }), 'test.headOnly': async () => ({ ok: true }) });
    const result = await dispatcher.dispatch('test.echo', { text: 'much too long text' }, call);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'text', messageKey: 'validation.too_big' }] } });
  });
});
