import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { DeskError } from '../../shared/contract/errors.js';
import type { Office } from '../../shared/domain/directories-core.js';
import { codeSealValid, keyFingerprint, openKeyStore, sealShortCode, type OfficePublicKey } from '../documents/verification.js';
import { codeSealOf, entryOwner, insertOfficeDocumentKey, listOffices, officeDocumentKeys, putCodeSeal, shortCodeOfEntry } from '../register/services/replication.js';
import { writeAudit } from '../register/services/audit.js';
import type { ServiceContext } from '../register/services/context.js';

/**
 * Remote certificates verify at the centre (R3.5). Every journal bundle carries the office's
 * public document keys (those its QR codes are signed with) and a seal for each short code it
 * carries. Both ride inside the bundle's signed payload, so the centre trusts them exactly as it
 * trusts the bundle's entries: by the office's exchange key, pinned with the one-time token of
 * the workplace package the centre issued. There is no second trust path.
 *
 * Short codes: the code is printed on paper, so it is no secret and travels as it is (in
 * `documentCodes`). What the centre lacks is the office's short-code secret, which proves at
 * home that a code row belongs to its entry; it is never put on the stick (the centre would
 * then hold a secret it could mint the office's codes with). Instead the office signs
 * `entry id + code` with its document key — a seal anyone with the public key can check — and
 * the centre keeps it beside the code.
 */

const documentKeySchema = z.object({ officeCode: z.string().max(40), publicKeyPem: z.string().max(1000) }).strict();
const codeSealSchema = z.object({ entryId: z.string().min(1).max(100), seal: z.string().max(200) }).strict();

/** The bundle's fields for this (both optional: bundles written before carry neither). */
export const documentTrustFields = {
  /** The office's public Ed25519 document keys: every bundle carries all of them. */
  documentKeys: z.array(documentKeySchema).max(100).optional(),
  /** A seal for each short code in `documentCodes`. */
  documentCodeSeals: z.array(codeSealSchema).optional(),
};

export interface DocumentTrust {
  documentKeys: OfficePublicKey[];
  documentCodeSeals: { entryId: string; seal: string }[];
}

/**
 * On the remote desk: the office's document keys (under its code, and any code the centre has
 * renamed it to since) and a seal for each code the bundle carries, made with the key of the
 * office's current code.
 */
export function documentTrustForBundle(
  dataDir: string,
  office: { installedCode: string; currentCode: string },
  codes: readonly { entryId: string; shortCode: string }[],
): DocumentTrust {
  const store = openKeyStore(dataDir);
  const documentKeys = store.publicKeys().filter((key) => key.officeCode === office.installedCode || key.officeCode === office.currentCode);
  const signer = documentKeys.find((key) => key.officeCode === office.currentCode) ?? documentKeys[0];
  // No key yet means nothing was printed yet, so there is no code to seal either.
  if (!signer) return { documentKeys, documentCodeSeals: [] };
  return {
    documentKeys,
    documentCodeSeals: codes.map((code) => ({ entryId: code.entryId, seal: sealShortCode(store, signer.officeCode, code.entryId, code.shortCode) })),
  };
}

/** The bundle a key came with, when, and who imported it. */
interface Received {
  sequence: number;
  at: string;
  byUser: string;
}

function refuse(what: string, params: Record<string, string | number>): DeskError {
  return new DeskError('rule_violation', `errors.exchange.${what}`, params);
}

function ed25519Fingerprint(publicKeyPem: string, office: Office): string {
  try {
    if (createPublicKey(publicKeyPem).asymmetricKeyType === 'ed25519') return keyFingerprint(publicKeyPem);
  } catch {
    // Falls through to the refusal below.
  }
  throw refuse('documentKeyInvalid', { office: office.code });
}

/**
 * Keeps each document key the bundle brings that the centre does not hold yet. A key only adds:
 * an office that changed its key (a new PC) keeps the old one beside it, so its earlier papers
 * still verify, and the change is written to the audit trail rather than passing silently.
 */
async function receiveDocumentKeys(ctx: ServiceContext, office: Office, keys: readonly OfficePublicKey[], received: Received): Promise<number> {
  const others = new Set((await listOffices(ctx.db)).filter((other) => other.id !== office.id).map((other) => other.code));
  let added = 0;
  for (const key of keys) {
    // An office vouches only for its own papers, never for the centre's or another office's
    // (a code of its own that the centre has since renamed is still its own).
    if (others.has(key.officeCode)) throw refuse('documentKeyForeign', { office: office.code, code: key.officeCode });
    const fingerprint = ed25519Fingerprint(key.publicKeyPem, office);
    const held = await officeDocumentKeys(ctx.db, office.id);
    if (held.some((row) => row.fingerprint === fingerprint)) continue;
    await insertOfficeDocumentKey(ctx.db, { officeId: office.id, officeCode: key.officeCode, fingerprint, publicKeyPem: key.publicKeyPem, bundleSequence: received.sequence, receivedAt: received.at });
    if (held.length > 0) {
      await writeAudit(ctx, {
        userId: received.byUser,
        action: 'exchange.document_key_added',
        entity: 'office',
        entityId: office.id,
        summary: `${office.code}: new document key ${fingerprint}; earlier keys kept (${held.map((row) => row.fingerprint).join(', ')})`,
      });
    }
    added += 1;
  }
  return added;
}

/** Keeps each code's seal once it is checked against the office's keys. */
async function receiveCodeSeals(ctx: ServiceContext, office: Office, seals: DocumentTrust['documentCodeSeals']): Promise<number> {
  if (seals.length === 0) return 0;
  const keys = (await officeDocumentKeys(ctx.db, office.id)).map((row) => row.publicKeyPem);
  let added = 0;
  for (const { entryId, seal } of seals) {
    const code = await shortCodeOfEntry(ctx.db, entryId);
    if ((await entryOwner(ctx.db, entryId))?.officeId !== office.id || code === undefined) throw refuse('foreignEntry', { office: office.code });
    if (!codeSealValid(entryId, code, seal, keys)) throw refuse('codeSealInvalid', { office: office.code });
    // A later bundle carries the seal again, made with a newer key if the office's changed: both hold, the first is kept.
    if ((await codeSealOf(ctx.db, entryId)) !== undefined) continue;
    await putCodeSeal(ctx.db, entryId, seal);
    added += 1;
  }
  return added;
}

/**
 * At the centre, inside the bundle's write transaction and after its entries and codes: the
 * office's document keys, then the seals of its codes. Returns how many of each were new.
 */
export async function receiveDocumentTrust(
  ctx: ServiceContext,
  office: Office,
  payload: Partial<DocumentTrust>,
  received: Received,
): Promise<{ documentKeys: number; codeSeals: number }> {
  const documentKeys = await receiveDocumentKeys(ctx, office, payload.documentKeys ?? [], received);
  const codeSeals = await receiveCodeSeals(ctx, office, payload.documentCodeSeals ?? []);
  return { documentKeys, codeSeals };
}
