import type { z } from 'zod';
import type { Role } from '../domain/roles.js';

/**
 * Who may call a channel. `public`: anyone holding the transport's trust (our window, or the
 * bridge token) — used only for `app.info`, setup and login. `session`: any logged-in user.
 * A list of roles: only those roles.
 */
export type Access = 'public' | 'session' | readonly Role[];

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /**
   * Does the call change the register? Shown in docs/api.md and used by the fuzz test to hold back
   * valid writes. Not a read-only switch: a journal turns read-only on its own (a failed chain, a
   * workplace that does not own it), so the services refuse the write where they know the journal,
   * on every path (IPC, bridge, CLI, exchange import), not only on the dispatcher's.
   */
  readonly mutates: boolean;
  /** One line for docs/api.md. */
  readonly summary: string;
}

export function defineChannel<I extends z.ZodType, O extends z.ZodType>(
  def: ChannelDef<I, O>,
): ChannelDef<I, O> {
  return def;
}

export type ChannelMap = Record<string, ChannelDef>;
export type InputOf<C extends ChannelDef> = z.input<C['input']>;
export type ParsedInputOf<C extends ChannelDef> = z.output<C['input']>;
export type OutputOf<C extends ChannelDef> = z.output<C['output']>;
