import { describe, expect, it } from 'vitest';
import { kindDecisionInputSchema, kindStandingOn, type KindDecision } from '../../../shared/domain/kind-decisions.js';

let sequence = 0;
function decision(fields: Partial<KindDecision> & Pick<KindDecision, 'action' | 'effectiveDate'>): KindDecision {
  sequence += 1;
  return {
    id: `d${sequence}`,
    kindId: 'family',
    successorKindId: null,
    revokesDecisionId: null,
    number: String(sequence),
    date: fields.effectiveDate,
    point: 'Пункт рішення',
    recordedAt: `2025-01-01T00:00:${String(sequence).padStart(2, '0')}.000Z`,
    recordedBy: 'head',
    recordedByName: 'Голова',
    ...fields,
  };
}

describe('a kind’s standing on a date (section F, R7.15: decisions of the executive committee)', () => {
  it('is issued before the effective date and stopped from it, by the latest decision in force', () => {
    const suspend = decision({ action: 'suspend', effectiveDate: '2025-03-01' });
    const replace = decision({ action: 'replace', effectiveDate: '2025-05-01', successorKindId: 'actual_residence_family' });
    const all = [replace, suspend];
    expect(kindStandingOn(all, 'family', '2025-02-28')).toEqual({ state: 'active' });
    expect(kindStandingOn(all, 'family', '2025-03-01')).toMatchObject({ state: 'suspended', decision: { id: suspend.id } });
    expect(kindStandingOn(all, 'family', '2025-05-01')).toMatchObject({ state: 'replaced', successorKindId: 'actual_residence_family' });
    // Another kind is not touched by decisions on this one.
    expect(kindStandingOn(all, 'registration', '2025-06-01')).toEqual({ state: 'active' });
  });

  it('lets a revocation lift a decision from the revocation’s own effective date, falling back to the earlier one', () => {
    const retire = decision({ action: 'retire', effectiveDate: '2025-03-01' });
    const suspend = decision({ action: 'suspend', effectiveDate: '2025-04-01' });
    const revoke = decision({ action: 'revoke', effectiveDate: '2025-05-01', revokesDecisionId: suspend.id });
    const all = [retire, suspend, revoke];
    expect(kindStandingOn(all, 'family', '2025-04-30')).toMatchObject({ state: 'suspended' });
    expect(kindStandingOn(all, 'family', '2025-05-01')).toMatchObject({ state: 'retired', decision: { id: retire.id } });
    const revokeRetire = decision({ action: 'revoke', effectiveDate: '2025-06-01', revokesDecisionId: retire.id });
    expect(kindStandingOn([...all, revokeRetire], 'family', '2025-06-01')).toEqual({ state: 'active' });
  });

  it('validates what the head enters: a successor only for a replacement, a revoked decision only for a revocation, in force not before adopted', () => {
    const base = { kindId: 'family', number: '1', date: '2025-03-01', effectiveDate: '2025-03-01', point: 'Пункт рішення' };
    expect(kindDecisionInputSchema.safeParse({ ...base, action: 'retire' }).success).toBe(true);
    expect(kindDecisionInputSchema.safeParse({ ...base, action: 'replace' }).success).toBe(false);
    expect(kindDecisionInputSchema.safeParse({ ...base, action: 'replace', successorKindId: 'family' }).success).toBe(false);
    expect(kindDecisionInputSchema.safeParse({ ...base, action: 'retire', successorKindId: 'registration' }).success).toBe(false);
    expect(kindDecisionInputSchema.safeParse({ ...base, action: 'revoke' }).success).toBe(false);
    expect(kindDecisionInputSchema.safeParse({ ...base, action: 'retire', effectiveDate: '2025-02-28' }).success).toBe(false);
  });
});
