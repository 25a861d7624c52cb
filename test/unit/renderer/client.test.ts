import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineChannel } from '../../../shared/contract/define.js';
import { DeskError } from '../../../shared/contract/errors.js';
import {
  createDeskClient,
  httpTransport,
  preloadTransport,
  readHttpCredentials,
  type DeskTransport,
} from '../../../renderer/src/desk/client.js';
import type { DeskBridge } from '../../../renderer/src/desk/window.js';

const map = {
  'journal.search': defineChannel({
    input: z.object({ query: z.string() }),
    output: z.object({ total: z.number().int() }),
    access: 'session',
    mutates: false,
    summary: 'test',
  }),
  'directories.bodies.list': defineChannel({
    input: z.object({}),
    output: z.object({ items: z.array(z.string()) }),
    access: 'session',
    mutates: false,
    summary: 'test',
  }),
};

const answering = (envelope: unknown): DeskTransport => ({ invoke: vi.fn(async () => envelope) });

describe('desk client', () => {
  it('returns the value of an ok envelope, parsed by the output schema', async () => {
    const client = createDeskClient(map, answering({ ok: true, value: { total: 7 } }));
    await expect(client.call('journal.search', { query: 'шевченко' })).resolves.toEqual({ total: 7 });
  });

  it('throws the DeskError of a failed envelope and reports it to listeners', async () => {
    const client = createDeskClient(
      map,
      answering({ ok: false, error: { code: 'unauthenticated', messageKey: 'errors.auth.expired', params: { minutes: 5 } } }),
    );
    const seen: string[] = [];
    client.onError((error, channel) => seen.push(`${channel}:${error.code}`));
    const failure = await client.call('journal.search', { query: 'x' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeskError);
    expect((failure as DeskError).messageKey).toBe('errors.auth.expired');
    expect((failure as DeskError).params).toEqual({ minutes: 5 });
    expect(seen).toEqual(['journal.search:unauthenticated']);
  });

  it('rejects an output the contract does not allow', async () => {
    const client = createDeskClient(map, answering({ ok: true, value: { total: 'many' } }));
    await expect(client.call('journal.search', { query: 'x' })).rejects.toMatchObject({ code: 'invalid_output' });
  });

  it('rejects an answer that is not an envelope', async () => {
    const client = createDeskClient(map, answering('<html>'));
    await expect(client.call('journal.search', { query: 'x' })).rejects.toMatchObject({ code: 'internal' });
  });

  it('turns a transport failure into a network DeskError', async () => {
    const client = createDeskClient(map, { invoke: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(client.call('journal.search', { query: 'x' })).rejects.toMatchObject({ messageKey: 'errors.bridge.network' });
  });
});

describe('preload transport', () => {
  it('calls window.desk[area][rest] for names with several dots', async () => {
    const list = vi.fn(async () => ({ ok: true, value: { items: ['Комітет № 3'] } }));
    const search = vi.fn(async () => ({ ok: true, value: { total: 1 } }));
    const bridge = { directories: { 'bodies.list': list }, journal: { search } } as unknown as DeskBridge;
    const client = createDeskClient(map, preloadTransport(bridge));
    await expect(client.call('directories.bodies.list', {})).resolves.toEqual({ items: ['Комітет № 3'] });
    expect(list).toHaveBeenCalledWith({});
    expect(search).not.toHaveBeenCalled();
  });
});

describe('http transport', () => {
  it('posts to /api/<channel> with the bearer token and the tab session header', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { total: 2 } }), { status: 200 }));
    const client = createDeskClient(map, httpTransport({ token: 'tok', sessionId: 'tab-1234-5678' }, fetchMock));
    await expect(client.call('journal.search', { query: 'а' })).resolves.toEqual({ total: 2 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/journal.search');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer tok', 'X-Desk-Session': 'tab-1234-5678' });
    expect(JSON.parse(String(init.body))).toEqual({ query: 'а' });
  });

  it('maps HTTP 401 to an unauthenticated DeskError with the token message', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 401 }));
    const client = createDeskClient(map, httpTransport({ token: 'bad', sessionId: 'tab-1234-5678' }, fetchMock));
    await expect(client.call('journal.search', { query: 'а' })).rejects.toMatchObject({
      code: 'unauthenticated',
      messageKey: 'errors.bridge.token',
    });
  });
});

describe('bridge credentials', () => {
  const memoryStorage = () => {
    const values = new Map<string, string>();
    return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
  };

  it('takes the token from the address once, keeps it, and removes it from the address bar', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    let ids = 0;
    const newId = () => `id-${++ids}-abcdef`;
    const first = readHttpCredentials({ href: 'http://127.0.0.1:5000/?token=s3cret&x=1#j' }, storage, (url) => replaced.push(url), newId);
    expect(first.token).toBe('s3cret');
    expect(replaced).toEqual(['/?x=1#j']);
    const reload = readHttpCredentials({ href: 'http://127.0.0.1:5000/?x=1' }, storage, (url) => replaced.push(url), newId);
    expect(reload).toEqual(first);
    expect(replaced).toHaveLength(1);
  });
});
