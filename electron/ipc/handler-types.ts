import type { ChannelDef, ChannelMap, OutputOf, ParsedInputOf } from '../../shared/contract/define.js';
import type { SessionUser } from '../register/services/session.js';

export type Transport = 'ipc' | 'bridge' | 'cli';

export interface HandlerContext {
  /** Null only for `public` channels; the dispatcher refuses every other channel without a user. */
  readonly user: SessionUser | null;
  /** Identifies the caller's session slot: a window in Electron, a browser tab over the bridge. */
  readonly sessionKey: string;
  readonly transport: Transport;
}

export type Handler<C extends ChannelDef> = (
  input: ParsedInputOf<C>,
  ctx: HandlerContext,
) => Promise<OutputOf<C>>;

export type HandlerMap<M extends ChannelMap> = { readonly [K in keyof M]: Handler<M[K]> };
