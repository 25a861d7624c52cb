import type { z } from 'zod';
import type { Access, ChannelDef, ChannelMap } from '../../shared/contract/define.js';
import { DeskError, type DeskErrorShape, type Envelope } from '../../shared/contract/errors.js';
import type { SessionResolver, SessionUser } from '../register/services/session.js';
import type { HandlerContext, HandlerMap, Transport } from './handler-types.js';

export interface CallContext {
  readonly sessionKey: string;
  readonly transport: Transport;
}

export interface Dispatcher {
  dispatch(channel: string, rawInput: unknown, call: CallContext): Promise<Envelope<unknown>>;
  readonly channels: readonly string[];
}

export interface DispatchLogger {
  error(message: string, details: Record<string, unknown>): void;
}

const silentLogger: DispatchLogger = { error: () => undefined };

/**
 * For IT, on standard error: what failed and where, never what was asked. Messages of database
 * and parser errors can quote personal data, so the stack keeps its frames and drops its message.
 */
export const stderrLogger: DispatchLogger = {
  error: (message, details) => console.error(`[desk] ${message} ${JSON.stringify(details)}`),
};

/** The error's class and its stack frames (code locations), without the message line(s). */
export function errorWithoutMessage(error: unknown): { error: string; stack: string[] } {
  const name = error instanceof Error ? error.name : typeof error;
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const frames = stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
  return { error: name, stack: frames };
}

/**
 * The one door into the main process. Every transport (Electron IPC, the browser bridge, tests)
 * goes through here, so validation, authorisation and error shaping cannot be skipped by any of
 * them: the input is parsed before the handler runs, the output is parsed before it leaves, and
 * nothing but a `DeskErrorShape` ever crosses on failure.
 */
export function createDispatcher<M extends ChannelMap>(
  contract: M,
  handlers: HandlerMap<M>,
  sessions: SessionResolver,
  logger: DispatchLogger = silentLogger,
): Dispatcher {
  const defs = new Map<string, ChannelDef>(Object.entries(contract));
  const handlerFor = (name: string) =>
    (handlers as Record<string, (input: unknown, ctx: HandlerContext) => Promise<unknown>>)[name];

  async function dispatch(channel: string, rawInput: unknown, call: CallContext): Promise<Envelope<unknown>> {
    const def = typeof channel === 'string' ? defs.get(channel) : undefined;
    const handler = def ? handlerFor(channel) : undefined;
    if (!def || !handler) return failure(new DeskError('unknown_channel', 'errors.unknown_channel'));

    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) return failure(invalidInput(parsed.error));

    let user: SessionUser | null;
    try {
      user = authorise(def.access, sessions.userFor(call.sessionKey));
    } catch (error) {
      return failure(error as DeskError);
    }

    let value: unknown;
    try {
      value = await handler(parsed.data, { user, sessionKey: call.sessionKey, transport: call.transport });
    } catch (error) {
      return failure(toDeskError(error, channel, logger));
    }

    const checked = def.output.safeParse(value);
    if (!checked.success) {
      logger.error('handler output failed its schema', { channel, issues: summariseIssues(checked.error) });
      return failure(new DeskError('invalid_output', 'errors.invalid_output'));
    }
    return { ok: true, value: checked.data };
  }

  return { dispatch, channels: [...defs.keys()] };
}

function authorise(access: Access, user: SessionUser | null): SessionUser | null {
  if (access === 'public') return user;
  if (!user) throw new DeskError('unauthenticated', 'errors.unauthenticated');
  if (access === 'session') return user;
  if (!access.includes(user.role)) throw new DeskError('forbidden', 'errors.forbidden');
  return user;
}

function failure(error: DeskError): Envelope<never> {
  return { ok: false, error: error.toShape() };
}

/** Zod messages that are i18n keys pass through; anything else maps to a generic key per issue code. */
function invalidInput(error: z.ZodError): DeskError {
  const details: NonNullable<DeskErrorShape['details']> = error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    messageKey: isMessageKey(issue.message) ? issue.message : `validation.${issue.code}`,
  }));
  return new DeskError('invalid_input', 'errors.invalid_input', undefined, details);
}

function isMessageKey(message: string): boolean {
  return /^(validation|errors)\.[A-Za-z0-9_.]+$/.test(message);
}

function summariseIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((issue) => `${issue.path.map(String).join('.')}: ${issue.code}`);
}

function toDeskError(error: unknown, channel: string, logger: DispatchLogger): DeskError {
  if (error instanceof DeskError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new DeskError('busy', 'errors.busy');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new DeskError('storage', 'errors.storage.full');
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new DeskError('storage', 'errors.storage.readOnly');
  }
  // The class, code and stack frames only: messages of database errors can quote personal data.
  logger.error('handler failed', { channel, ...errorWithoutMessage(error), code: String(code ?? '') });
  return new DeskError('internal', 'errors.internal');
}
