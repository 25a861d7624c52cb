import { contract } from '../../shared/contract/index.js';
import { createDispatcher, type Dispatcher } from '../ipc/dispatch.js';
import type { HandlerMap, SessionResolver } from '../ipc/handler-types.js';
import { appHandlers } from './handlers/app.js';

export interface DeskOptions {
  readonly dataDir: string;
  readonly demo: boolean;
  readonly appVersion: string;
  /** Path of better-sqlite3's native module built for Electron's ABI, when running inside Electron. */
  readonly sqliteNativeBinding?: string | undefined;
  readonly now?: () => Date;
}

export interface Desk {
  readonly dispatcher: Dispatcher;
  close(): void;
}

/** Composes the services and the handler map; the Electron shell, the bridge and tests all start here. */
export async function createDesk(options: DeskOptions): Promise<Desk> {
  const sessions: SessionResolver = { userFor: () => null };
  const handlers: HandlerMap<typeof contract> = {
    ...appHandlers({ version: options.appVersion, schemaVersion: 0, trainingMode: options.demo }),
  } as HandlerMap<typeof contract>;
  const dispatcher = createDispatcher(contract, handlers, sessions);
  return { dispatcher, close: () => undefined };
}
