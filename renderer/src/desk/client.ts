import { DeskError, envelopeSchema, type Envelope } from '../../../shared/contract/errors.js';
import type { ChannelMap, InputOf, OutputOf } from '../../../shared/contract/define.js';
import { deskContract, type DeskContract } from './contract.js';
import type { DeskBridge } from './window.js';

/** Carries one call to main and brings back its envelope; IPC (preload) and HTTP (bridge) both do. */
export interface DeskTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
}

export type DeskErrorListener = (error: DeskError, channel: string) => void;

export interface DeskClient<M extends ChannelMap> {
  call<K extends keyof M & string>(channel: K, input: InputOf<M[K]>): Promise<OutputOf<M[K]>>;
  /** Every DeskError any call throws is reported here first (the session store listens for `unauthenticated`). */
  onError(listener: DeskErrorListener): () => void;
}

export function createDeskClient<M extends ChannelMap>(map: M, transport: DeskTransport): DeskClient<M> {
  const listeners = new Set<DeskErrorListener>();
  const report = (error: DeskError, channel: string): DeskError => {
    for (const listener of listeners) listener(error, channel);
    return error;
  };

  return {
    async call(channel, input) {
      const def = map[channel];
      if (!def) throw report(new DeskError('unknown_channel', 'errors.bridge.unknownChannel', { channel }), channel);
      let raw: unknown;
      try {
        raw = await transport.invoke(channel, input);
      } catch (error) {
        throw report(error instanceof DeskError ? error : new DeskError('internal', 'errors.bridge.network'), channel);
      }
      const envelope = envelopeSchema.safeParse(raw);
      if (!envelope.success) throw report(new DeskError('internal', 'errors.bridge.badResponse'), channel);
      if (!envelope.data.ok) throw report(DeskError.fromShape(envelope.data.error), channel);
      // The client checks outputs too: a renderer must never act on a shape the contract does not allow.
      const output = def.output.safeParse(envelope.data.value);
      if (!output.success) throw report(new DeskError('invalid_output', 'errors.bridge.badResponse', { channel }), channel);
      return output.data as OutputOf<M[typeof channel]>;
    },
    onError(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** `journal.search` → window.desk.journal.search; `directories.bodies.list` → window.desk.directories['bodies.list']. */
export function preloadTransport(bridge: DeskBridge): DeskTransport {
  return {
    invoke(channel, input) {
      const dot = channel.indexOf('.');
      const area = (bridge as unknown as Record<string, Record<string, ((input: unknown) => Promise<Envelope<unknown>>) | undefined> | undefined>)[
        channel.slice(0, dot)
      ];
      const method = area?.[channel.slice(dot + 1)];
      if (!method) return Promise.reject(new DeskError('unknown_channel', 'errors.bridge.unknownChannel', { channel }));
      return method(input);
    },
  };
}

export interface HttpCredentials {
  readonly token: string;
  readonly sessionId: string;
}

/** The browser bridge: POST /api/<channel> with the page token and this tab's session id. */
export function httpTransport(credentials: HttpCredentials, fetchImpl: typeof fetch = fetch): DeskTransport {
  return {
    async invoke(channel, input) {
      const response = await fetchImpl(`/api/${channel}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${credentials.token}`,
          'X-Desk-Session': credentials.sessionId,
        },
        body: JSON.stringify(input ?? {}),
      });
      if (response.status === 401) throw new DeskError('unauthenticated', 'errors.bridge.token');
      try {
        return (await response.json()) as unknown;
      } catch {
        throw new DeskError('internal', 'errors.bridge.badResponse');
      }
    },
  };
}

export interface PageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const TOKEN_KEY = 'desk.token';
const SESSION_KEY = 'desk.session';

/**
 * The bridge token arrives once in the address (`?token=…`); it is kept in this tab's
 * sessionStorage and removed from the address bar so it is not left in history or screenshots.
 */
export function readHttpCredentials(
  location: { href: string },
  storage: PageStorage,
  replaceUrl: (url: string) => void,
  newId: () => string,
): HttpCredentials {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    replaceUrl(url.pathname + url.search + url.hash);
  }
  let sessionId = storage.getItem(SESSION_KEY);
  if (!sessionId) {
    sessionId = newId();
    storage.setItem(SESSION_KEY, sessionId);
  }
  return { token: storage.getItem(TOKEN_KEY) ?? '', sessionId };
}

/** Chosen on the first call, so importing this module touches no browser global (unit tests run in Node). */
function browserTransport(): DeskTransport {
  let chosen: DeskTransport | undefined;
  return { invoke: (channel, input) => (chosen ??= chooseTransport()).invoke(channel, input) };
}

function chooseTransport(): DeskTransport {
  if (window.desk) return preloadTransport(window.desk);
  const credentials = readHttpCredentials(
    window.location,
    window.sessionStorage,
    (url) => window.history.replaceState(null, '', url),
    () => crypto.randomUUID(),
  );
  return httpTransport(credentials, (...args) => fetch(...args));
}

export const desk: DeskClient<DeskContract> = createDeskClient(deskContract, browserTransport());
