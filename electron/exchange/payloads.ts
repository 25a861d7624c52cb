import { z } from 'zod';
import { DeskError } from '../../shared/contract/errors.js';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import { entrySorts } from '../../shared/domain/entry.js';
import { documentTrustFields } from './document-keys.js';
import { verifySignature, type ExchangeIdentity } from './keys.js';
import type { ReferenceData } from './reference-data.js';

/** What is inside the encrypted files (remote workplaces, R3.5). Bundles are parsed strictly: they come from outside. */

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const idSchema = z.string().min(1).max(100);
const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const chainHeadSchema = z.object({ year: z.number().int(), number: z.number().int().min(1), hash: hashSchema }).strict();

const entryRowSchema = z
  .object({
    id: idSchema,
    journalId: idSchema,
    year: z.number().int().min(2000).max(9999),
    number: z.number().int().min(1),
    printedNumber: z.string().min(1).max(100),
    sort: z.enum(entrySorts),
    kinds: z.array(z.string().max(100)),
    createdAt: z.string().max(40),
    localDate: isoDateSchema,
    createdBy: idSchema,
    contentJson: z.string().max(200_000),
    prevHash: hashSchema,
    hash: hashSchema,
  })
  .strict();

const handoverSchema = z
  .object({
    entryId: idSchema,
    at: z.string().max(40),
    receivedBy: z.enum(['subject', 'representative']),
    recipientName: z.string().max(500),
    powerOfAttorney: z.object({ number: z.string().min(1).max(200), date: isoDateSchema, issuer: z.string().min(1).max(500) }).strict().optional(),
    byUser: idSchema,
  })
  .strict();

const annulmentSchema = z.object({ entryId: idSchema, at: z.string().max(40), reason: z.string().max(2000), byUser: idSchema }).strict();
const reissueSchema = z.object({ annulledId: idSchema, newEntryId: idSchema, at: z.string().max(40), byUser: idSchema }).strict();
const documentCodeSchema = z.object({ entryId: idSchema, shortCode: z.string().min(1).max(40) }).strict();
const auditSchema = z
  .object({
    id: z.number().int().min(1),
    at: z.string().max(40),
    userId: idSchema.nullable(),
    action: z.string().max(100),
    entity: z.string().max(100),
    entityId: z.string().max(200).nullable(),
    summary: z.string().max(2000),
  })
  .strict();

/**
 * The centre as witness (R7.7): the office's signed checkpoint of each journal as this bundle cut
 * it, with the hashes of the journal's entries before the bundle's own (base64, 32 bytes each), so
 * the centre can check the checkpoint and name the first entry that differs from what it confirmed.
 */
export const bundleWitnessSchema = z
  .object({
    journals: z.array(
      z
        .object({
          journalId: idSchema,
          checkpoint: z.string().max(20_000),
          /** The office key that signed it (PEM): the journal's office code names it, and a renamed office signs with its new one. */
          checkpointKey: z.string().max(1000),
          earlierHashes: z.string().max(64_000_000),
        })
        .strict(),
    ),
  })
  .strict();
export type BundleWitness = z.infer<typeof bundleWitnessSchema>;

/** The centre's cosignatures of the latest checkpoints it accepted from the office, in an update. */
export interface UpdateWitness {
  cosigned: { journalId: string; note: string; cosignature: string }[];
}

export const peerKeysSchema = z.object({ signingKey: z.string().max(1000), encryptionKey: z.string().max(1000) }).strict();

export const bundlePayloadSchema = z
  .object({
    format: z.literal('cnap-bundle/1'),
    officeId: idSchema,
    officeCode: z.string().max(40),
    sequence: z.number().int().min(1),
    /** The last bundle the centre had acknowledged when this one was cut; the content starts after it. */
    baseSequence: z.number().int().min(0),
    createdAt: z.string().max(40),
    periodFrom: isoDateSchema,
    periodTo: isoDateSchema,
    officeKeys: peerKeysSchema,
    /** The one-time token of the workplace package: lets the centre pin the keys of a first bundle. */
    enrolment: z.string().max(200).optional(),
    journals: z.array(z.object({ journalId: idSchema, before: chainHeadSchema.nullable(), after: chainHeadSchema.nullable() }).strict()),
    entries: z.array(entryRowSchema),
    handovers: z.array(handoverSchema),
    annulments: z.array(annulmentSchema),
    reissues: z.array(reissueSchema),
    documentCodes: z.array(documentCodeSchema),
    audit: z.array(auditSchema),
    ...documentTrustFields,
    witness: bundleWitnessSchema.optional(),
  })
  .strict();
export type BundlePayload = z.infer<typeof bundlePayloadSchema>;

export interface WorkplacePayload {
  format: 'cnap-workplace/1';
  officeId: string;
  officeCode: string;
  version: number;
  createdAt: string;
  centreKeys: { signingKey: string; encryptionKey: string };
  enrolment: string;
  reference: ReferenceData;
}

export interface UpdatePayload {
  format: 'cnap-update/1';
  officeId: string;
  officeCode: string;
  version: number;
  createdAt: string;
  /** The highest bundle sequence the centre has imported from this office. */
  acknowledgedSequence: number;
  reference: ReferenceData;
  witness?: UpdateWitness;
}

const envelopeSchema = z.object({ payload: z.string(), signature: z.string().optional() }).strict();

function refuse(what: string): DeskError {
  return new DeskError('rule_violation', `errors.exchange.${what}`);
}

/** The signed JSON inside a package: the payload text and an Ed25519 signature over its bytes. */
export function signPayload(payload: unknown, identity: ExchangeIdentity): Buffer {
  const text = canonicalJson(payload);
  return Buffer.from(JSON.stringify({ payload: text, signature: identity.sign(Buffer.from(text, 'utf8')) }), 'utf8');
}

export function unsignedPayload(payload: unknown): Buffer {
  return Buffer.from(JSON.stringify({ payload: canonicalJson(payload) }), 'utf8');
}

export interface SignedPayload {
  text: string;
  signature: string | undefined;
  value: unknown;
}

export function readEnvelope(plaintext: Buffer): SignedPayload {
  try {
    const envelope = envelopeSchema.parse(JSON.parse(plaintext.toString('utf8')));
    return { text: envelope.payload, signature: envelope.signature, value: JSON.parse(envelope.payload) as unknown };
  } catch {
    throw refuse('tampered');
  }
}

export function signatureValid(envelope: SignedPayload, publicKeyPem: string): boolean {
  return envelope.signature !== undefined && verifySignature(publicKeyPem, Buffer.from(envelope.text, 'utf8'), envelope.signature);
}
