import { describe, expect, it } from 'vitest';
import { formatDate, formatDay, formatMoment } from '../../src/lib/dates.ts';

/** Dates read the same for everyone: Flemish words, Belgian time, whatever the process's time zone. */
describe('the one date formatter', () => {
  it('writes calendar days in words, without a time zone moving them', () => {
    expect(formatDate('2027-03-15')).toBe('15 maart 2027');
    expect(formatDate('2027-01-01')).toBe('1 januari 2027');
    expect(formatDate(new Date('2026-11-22T23:30:00Z'))).toBe('23 november 2026');
    expect(formatDay('2027-03-15')).toBe('maandag 15 maart 2027');
    expect(formatDay('2027-12-31')).toBe('vrijdag 31 december 2027');
  });

  it('writes moments in Belgian time, winter and summer', () => {
    expect(formatMoment(Date.parse('2026-11-30T14:04:00Z'))).toBe('30 november 2026 om 15:04');
    expect(formatMoment(Date.parse('2027-07-01T06:05:00Z'))).toBe('1 juli 2027 om 08:05');
    expect(formatMoment(Date.parse('2027-07-01T22:30:00Z'), { weekday: true })).toBe('vrijdag 2 juli 2027 om 00:30');
  });

  it('does not depend on the time zone of the machine', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(formatDay('2027-03-15')).toBe('maandag 15 maart 2027');
      expect(formatMoment(Date.parse('2026-11-30T14:04:00Z'))).toBe('30 november 2026 om 15:04');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
