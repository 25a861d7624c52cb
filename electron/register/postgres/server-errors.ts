import { DeskError } from '../../../shared/contract/errors.js';

/** SQLSTATEs after which the whole transaction may simply run again (RegisterDb.write). */
const RETRYABLE = new Set(['40001', '40P01']);

/** Server states that mean "not there right now": shutting down, starting, out of connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const LOGIN_STATES = new Set(['28000', '28P01', '3D000']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ENOENT',
]);
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** pg reports a lost connection with plain messages and no code. */
const LOST_CONNECTION = /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/;

export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has(codeOf(error) ?? '');
}

/** True when the failure says nothing about our SQL, only that the connection is gone. */
export function isConnectionLost(error: unknown): boolean {
  const code = codeOf(error) ?? '';
  return UNAVAILABLE_STATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code) || LOST_CONNECTION.test(messageOf(error));
}

/**
 * What a person is told when the server cannot be used: unreachable or gone mid-transaction,
 * refusing the login, or presenting a certificate we cannot trust. The server is named by host
 * and port only. Anything else (a trigger, a constraint, our own DeskError) passes unchanged.
 */
export function describeServerFailure(error: unknown, server: string): unknown {
  if (error instanceof DeskError) return error;
  const code = codeOf(error) ?? '';
  if (isConnectionLost(error)) return new DeskError('storage', 'errors.register.serverUnavailable', { server });
  if (LOGIN_STATES.has(code) || /password must be a string|password authentication failed/.test(messageOf(error))) {
    return new DeskError('storage', 'errors.register.serverLogin', { server });
  }
  if (CERTIFICATE_CODES.has(code) || /does not support SSL/.test(messageOf(error))) {
    return new DeskError('storage', 'errors.register.serverCertificate', { server });
  }
  return error;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}
