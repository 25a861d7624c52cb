import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/domain/canonical-json.js';
import { entryHash, entryHashOfCanonicalContent } from '../../../electron/register/hash-chain.js';

const hashedFields = fc.record({
  id: fc.uuid(),
  journalId: fc.uuid(),
  year: fc.integer({ min: 2000, max: 2100 }),
  number: fc.integer({ min: 1, max: 10_000_000 }),
  printedNumber: fc.string(),
  sort: fc.constantFrom('certificate', 'certification', 'refusal'),
  kinds: fc.array(fc.string(), { maxLength: 8 }),
  createdAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  localDate: fc.string(),
  createdBy: fc.uuid(),
});

/** Issuing hashes the stored canonical text of the content; verification hashes the parsed content (R7.7). */
describe('the entry hash from the stored content text', () => {
  it('is the hash of the same fields with the content itself, for any content and fields', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), hashedFields, fc.dictionary(fc.string(), fc.jsonValue()), (prevHash, fields, content) => {
        // The definition, spelled out independently: sha256hex(prevHash + canonicalJson(every field)).
        const definition = createHash('sha256').update(prevHash + canonicalJson({ ...fields, content }), 'utf8').digest('hex');
        expect(entryHashOfCanonicalContent(prevHash, fields, canonicalJson(content))).toBe(definition);
        expect(entryHash(prevHash, { ...fields, content })).toBe(definition);
      }),
      { numRuns: 500 },
    );
  });

  it('changes when the content text does', () => {
    const fields = { id: 'e1', journalId: 'j1', year: 2025, number: 1, printedNumber: '01-21/1', sort: 'certificate', kinds: ['family'], createdAt: '2025-06-02T09:00:00.000Z', localDate: '2025-06-02', createdBy: 'u1' };
    const prev = '0'.repeat(64);
    expect(entryHashOfCanonicalContent(prev, fields, canonicalJson({ a: 1 }))).not.toBe(entryHashOfCanonicalContent(prev, fields, canonicalJson({ a: 2 })));
  });
});
