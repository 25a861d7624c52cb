import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { DeskError, type Envelope } from '../../shared/contract/errors.js';
import { errorWithoutMessage, type Dispatcher, type DispatchLogger } from '../ipc/dispatch.js';
import { CONTENT_SECURITY_POLICY } from '../security/csp.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface BridgeOptions {
  readonly dispatcher: Dispatcher;
  /** The built renderer (index.html and assets); omit to serve the API only. */
  readonly rendererDir?: string;
  /** 0 or absent: any free port. */
  readonly port?: number;
  readonly token?: string;
  /** Where a request that failed outside the dispatcher is reported (class and stack, no payload). */
  readonly logger?: DispatchLogger;
}

export interface RunningBridge {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * The browser bridge: the same dispatcher as the Electron window, over HTTP on loopback only.
 * A random token (printed in the URL) is required on every API call, the Host header must name
 * our own address (DNS rebinding), CORS is never enabled, and bodies over 1 MB are refused.
 */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const server = createServer((request, response) => {
    handleRequest(request, response, options, token, portOf(server)).catch((error: unknown) => {
      options.logger?.error('bridge request failed', { method: request.method ?? '', ...errorWithoutMessage(error) });
      if (!response.headersSent) sendJson(response, 500, failure(new DeskError('internal')));
      else response.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = portOf(server);
  return {
    url: `http://${HOST}:${port}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: BridgeOptions,
  token: string,
  port: number,
): Promise<void> {
  setCommonHeaders(response);
  if (!isOwnHost(request.headers.host, port)) return sendText(response, 421, 'Misdirected request');
  const url = new URL(request.url ?? '/', `http://${HOST}:${port}`);

  if (url.pathname.startsWith('/api/')) {
    if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed');
    if (!isOwnOrigin(request.headers.origin, port)) return sendText(response, 403, 'Forbidden origin');
    if (!hasToken(request.headers.authorization, token)) {
      return sendJson(response, 401, failure(new DeskError('unauthenticated', 'errors.bridge.token')));
    }
    const channel = decodedPath(url.pathname.slice(5));
    if (channel === undefined) return sendJson(response, 400, failure(new DeskError('invalid_input', 'errors.bridge.badPath')));
    return handleApi(request, response, options.dispatcher, channel);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
  if (!options.rendererDir) return sendText(response, 404, 'Not found');
  return serveStatic(response, options.rendererDir, url.pathname);
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  dispatcher: Dispatcher,
  channel: string,
): Promise<void> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) {
    request.resume();
    return sendJson(response, 413, failure(new DeskError('invalid_input', 'errors.bridge.tooLarge')));
  }
  const body = await readBody(request);
  if (body === 'too_large') return sendJson(response, 413, failure(new DeskError('invalid_input', 'errors.bridge.tooLarge')));

  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(response, 400, failure(new DeskError('invalid_input', 'errors.bridge.badJson')));
  }
  const sessionKey = sessionKeyOf(request.headers['x-desk-session']);
  const envelope = await dispatcher.dispatch(channel, input, { sessionKey, transport: 'bridge' });
  sendJson(response, 200, envelope);
}

/** A tab without a valid session header still gets a key of its own, so it can never share a login. */
function sessionKeyOf(header: string | string[] | undefined): string {
  const value = typeof header === 'string' ? header : '';
  return /^[A-Za-z0-9-]{8,64}$/.test(value) ? `bridge:${value}` : `bridge:anonymous:${randomUUID()}`;
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

function isOwnOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://${HOST}:${port}` || origin === `http://localhost:${port}`;
}

function hasToken(authorization: string | undefined, token: string): boolean {
  const presented = Buffer.from(authorization?.startsWith('Bearer ') ? authorization.slice(7) : '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

function serveStatic(response: ServerResponse, rootDir: string, pathname: string): void {
  const root = path.resolve(rootDir);
  const decoded = decodedPath(pathname);
  if (decoded === undefined) return sendText(response, 400, 'Bad request');
  const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return sendText(response, 404, 'Not found');
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return sendText(response, 404, 'Not found');
  }
  if (!stats.isFile()) return sendText(response, 404, 'Not found');
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': stats.size,
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(response);
}

/** A URL path's %-escapes decoded; undefined for a malformed escape such as `%ZZ` (a client's error, not ours). */
function decodedPath(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
}

function failure(error: DeskError): Envelope<never> {
  return { ok: false, error: error.toShape() };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}
