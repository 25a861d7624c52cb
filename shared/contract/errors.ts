import { z } from 'zod';

/**
 * Every failure that crosses the process boundary has this shape: a stable `code` a program can
 * branch on, and a `messageKey` the renderer translates (uk/en) with optional `params`.
 * Raw exceptions never cross: the dispatcher turns anything unexpected into `internal`.
 */
export const errorCodes = [
  'invalid_input',
  'invalid_output',
  'unknown_channel',
  'forbidden_sender',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rule_violation',
  'account_locked',
  'read_only',
  'busy',
  'storage',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const deskErrorSchema = z.object({
  code: z.enum(errorCodes),
  messageKey: z.string(),
  params: errorParamsSchema.optional(),
  /** Validation issues or failed rule ids, for forms that point at the offending field. */
  details: z
    .array(z.object({ path: z.string(), messageKey: z.string(), params: errorParamsSchema.optional() }))
    .optional(),
});
export type DeskErrorShape = z.infer<typeof deskErrorSchema>;

/** Thrown by handlers and services; serialised by the dispatcher into a `DeskErrorShape`. */
export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params: Record<string, string | number> | undefined;
  readonly details: DeskErrorShape['details'];

  constructor(
    code: ErrorCode,
    messageKey: string = `errors.${code}`,
    params?: Record<string, string | number>,
    details?: DeskErrorShape['details'],
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'DeskError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.details = details;
  }

  toShape(): DeskErrorShape {
    return {
      code: this.code,
      messageKey: this.messageKey,
      ...(this.params ? { params: this.params } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }

  static fromShape(shape: DeskErrorShape): DeskError {
    return new DeskError(shape.code, shape.messageKey, shape.params, shape.details);
  }
}

/** What every call returns over a transport (IPC or HTTP): a value or a structured error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape };

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: deskErrorSchema }),
]);
