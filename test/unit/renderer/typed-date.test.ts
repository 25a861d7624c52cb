import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTypedDate } from '../../../renderer/src/components/form/typed-date.js';
import { formatPrintedDate } from '../../../shared/domain/validation/dates.js';

describe('a date as an administrator types it (day first)', () => {
  it.each([
    ['09.03.1980', '1980-03-09'],
    ['9.3.1980', '1980-03-09'],
    ['09031980', '1980-03-09'],
    ['09/03/1980', '1980-03-09'],
    ['9-3-1980', '1980-03-09'],
    ['9 3 1980', '1980-03-09'],
    [' 09.03.1980 ', '1980-03-09'],
    ['09.03.1980 р.', '1980-03-09'],
    ['1980-03-09', '1980-03-09'],
    ['29.02.2024', '2024-02-29'],
    ['31.12.2025', '2025-12-31'],
  ])('%s → %s', (typed, iso) => {
    expect(parseTypedDate(typed)).toBe(iso);
  });

  it.each(['', '09.03.198', '9.3.80', '0903198', '31.02.1980', '29.02.2023', '13.13.1980', '00.01.1980', '03/09', 'завтра', '1980.03.09', '09.03.1980.5'])(
    'refuses %j',
    (typed) => {
      expect(parseTypedDate(typed)).toBeNull();
    },
  );

  it('never reads the month first: 03.09.1980 is the 3rd of September', () => {
    expect(parseTypedDate('03.09.1980')).toBe('1980-09-03');
    expect(parseTypedDate('03/09/1980')).toBe('1980-09-03');
  });

  it('reads back every date it shows (dd.mm.yyyy)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1890-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseTypedDate(formatPrintedDate(iso))).toBe(iso);
      }),
    );
  });
});
