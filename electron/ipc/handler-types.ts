import type { ChannelDef, ChannelMap, OutputOf, ParsedInputOf } from '../../shared/contract/define.js';
import type { Role } from '../../shared/domain/roles.js';

/** The logged-in person behind a call, as the session store resolves it. */
export interface SessionUser {
  readonly userId: string;
  readonly login: string;
  readonly fullName: string;
  readonly role: Role;
  /** Remote administrators work only in their own office's journals. */
  readonly officeId: string;
}

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

/** Resolves and refreshes login sessions; implemented by the register's auth service. */
export interface SessionResolver {
  /** The user bound to this key, or null (never logged in, logged out, or locked by idleness). */
  userFor(sessionKey: string): SessionUser | null;
}
