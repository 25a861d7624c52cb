import { describe, expect, it } from 'vitest';
import { signatoriesFor, type Signatory } from '../../../shared/domain/directories.js';

const person = (id: string, validity: Partial<Signatory>): Signatory => ({
  id,
  position: 'Адміністратор',
  fullName: `Особа ${id}`,
  seal: 'for_certificates',
  sealName: 'Для довідок',
  validFrom: '2026-01-01',
  ...validity,
});

describe('who may sign a document (R7.10, R7.13)', () => {
  const everyone = [
    person('current', {}),
    person('expired', { validTo: '2026-11-24' }),
    person('lastDay', { validTo: '2026-11-25' }),
    person('future', { validFrom: '2026-11-26' }),
    person('central', { officeId: 'office-central' }),
    person('remote', { officeId: 'office-remote' }),
  ];

  it('offers those valid on the day, for the journal’s office or for every office', () => {
    const ids = signatoriesFor(everyone, { date: '2026-11-25', officeId: 'office-central' }).map((p) => p.id);
    expect(ids).toEqual(['current', 'lastDay', 'central']);
  });

  it('takes the first and the last day as valid', () => {
    expect(signatoriesFor(everyone, { date: '2026-01-01', officeId: 'office-remote' }).map((p) => p.id)).toEqual(['current', 'expired', 'lastDay', 'remote']);
    expect(signatoriesFor(everyone, { date: '2026-11-26', officeId: 'office-remote' }).map((p) => p.id)).toEqual(['current', 'future', 'remote']);
  });
});
