import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BODY_BYTES, startBridge, type RunningBridge } from '../../../electron/bridge/server.js';
import type { Dispatcher } from '../../../electron/ipc/dispatch.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(bridge: RunningBridge, options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path: options.path, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

async function startWith(dispatch: Dispatcher['dispatch']) {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'desk-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(path.join(os.tmpdir(), 'desk-secret.txt'), 'secret');
  bridge = await startBridge({ dispatcher: { dispatch, channels: ['app.info'] }, rendererDir, token: 'test-token-123' });
  return bridge;
}

const auth = (b: RunningBridge) => ({ Host: `127.0.0.1:${b.port}`, Authorization: `Bearer ${b.token}`, 'Content-Type': 'application/json' });

describe('browser bridge', () => {
  it('prints a loopback URL carrying the token', async () => {
    const b = await startWith(async () => ({ ok: true, value: {} }));
    expect(b.url).toBe(`http://127.0.0.1:${b.port}/?token=test-token-123`);
  });

  it('returns 401 without the token or with a wrong one, and never calls the dispatcher', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: {} }));
    const b = await startWith(dispatch);
    const none = await send(b, { path: '/api/app.info', headers: { Host: `127.0.0.1:${b.port}` }, body: '{}' });
    const wrong = await send(b, { path: '/api/app.info', headers: { ...auth(b), Authorization: 'Bearer nope' }, body: '{}' });
    expect([none.status, wrong.status]).toEqual([401, 401]);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('rejects a foreign Host header (DNS rebinding) even with the token', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: {} }));
    const b = await startWith(dispatch);
    const reply = await send(b, { path: '/api/app.info', headers: { ...auth(b), Host: `evil.example:${b.port}` }, body: '{}' });
    expect(reply.status).toBe(421);
    const page = await send(b, { path: '/', method: 'GET', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(421);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('rejects a foreign Origin and never sends CORS headers', async () => {
    const b = await startWith(async () => ({ ok: true, value: { a: 1 } }));
    const foreign = await send(b, { path: '/api/app.info', headers: { ...auth(b), Origin: 'http://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    const own = await send(b, { path: '/api/app.info', headers: auth(b), body: '{}' });
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await send(b, { path: '/api/app.info', method: 'OPTIONS', headers: { Host: `127.0.0.1:${b.port}`, Origin: 'http://evil.example' } });
    expect(preflight.status).toBe(405);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('passes the channel, the parsed body and a per-tab session key to the dispatcher', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: { done: true } }));
    const b = await startWith(dispatch);
    const reply = await send(b, { path: '/api/journal.search', headers: { ...auth(b), 'X-Desk-Session': 'tab-1234-abcd' }, body: '{"text":"шевченко"}' });
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { done: true } });
    expect(dispatch).toHaveBeenCalledWith('journal.search', { text: 'шевченко' }, { sessionKey: 'bridge:tab-1234-abcd', transport: 'bridge' });
  });

  it('answers 413 to a body over 1 MB and 400 to malformed JSON', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: {} }));
    const b = await startWith(dispatch);
    const big = await send(b, { path: '/api/app.info', headers: auth(b), body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20) });
    expect(big.status).toBe(413);
    const bad = await send(b, { path: '/api/app.info', headers: auth(b), body: '{"broken":' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('serves the renderer with the CSP header and confines paths to its folder', async () => {
    const b = await startWith(async () => ({ ok: true, value: {} }));
    const page = await send(b, { path: '/', method: 'GET', headers: { Host: `127.0.0.1:${b.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await send(b, { path: '/..%2Fdesk-secret.txt', method: 'GET', headers: { Host: `127.0.0.1:${b.port}` } });
    expect(escape.status).toBe(404);
  });
});

describe('browser bridge, malformed requests and failures', () => {
  it('answers a malformed %-escape in the channel with a structured 400, without calling the dispatcher', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: {} }));
    const b = await startWith(dispatch);
    const reply = await send(b, { path: '/api/%ZZ', headers: auth(b), body: '{}' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', messageKey: 'errors.bridge.badPath' } });
    expect(dispatch).not.toHaveBeenCalled();
    const page = await send(b, { path: '/%E0%A4%A', method: 'GET', headers: { Host: `127.0.0.1:${b.port}` } });
    expect(page.status).toBe(400);
  });

  it('logs a request that failed outside the dispatcher (class and stack, not the body) and answers `internal`', async () => {
    const logged: Record<string, unknown>[] = [];
    bridge = await startBridge({
      dispatcher: { dispatch: async () => Promise.reject(new RangeError('Шевченко')), channels: ['app.info'] },
      token: 'test-token-123',
      logger: { error: (_message, details) => logged.push(details) },
    });
    const reply = await send(bridge, { path: '/api/app.info', headers: auth(bridge), body: '{"name":"Петренко"}' });
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toMatchObject([{ error: 'RangeError' }]);
    expect(JSON.stringify(logged)).not.toMatch(/Шевченко|Петренко/);
  });
});
