import { DateTimeFormat, localeOf } from './date-time-format';

describe('DateTimeFormat (the portal time zone and date format)', () => {
  it('lays dates out as the portal says, in its time zone', () => {
    const berlin = new DateTimeFormat({ timeZone: 'Europe/Berlin', dateFormat: 'DD.MM.YYYY' });
    expect(berlin.dateTime('2026-12-31T23:30:00Z')).toBe('01.01.2027 00:30');
    expect(berlin.date('2026-06-05T10:00:00Z')).toBe('05.06.2026');
    const us = new DateTimeFormat({ timeZone: 'America/New_York', dateFormat: 'M/D/YY' });
    expect(us.dateTime('2026-01-05T03:04:00Z')).toBe('1/4/26 22:04');
  });

  it('never shifts a calendar day by a zone', () => {
    const tokyo = new DateTimeFormat({ timeZone: 'Asia/Tokyo', dateFormat: 'YYYY-MM-DD' });
    expect(tokyo.calendarDate('2026-11-25')).toBe('2026-11-25');
    expect(new DateTimeFormat({ timeZone: 'UTC', dateFormat: 'DD/MM/YYYY' }).calendarDate('2026-11-25')).toBe(
      '25/11/2026',
    );
  });

  it('falls back to UTC and YYYY-MM-DD, and leaves what is not a time as it is', () => {
    const fallback = new DateTimeFormat({ timeZone: 'Not/AZone', dateFormat: '' });
    expect(fallback.timeZone).toBe('UTC');
    expect(fallback.dateTime('2026-03-01T08:09:00Z')).toBe('2026-03-01 08:09');
    expect(fallback.dateTime('yesterday')).toBe('yesterday');
  });

  it('turns a portal language into an Intl locale', () => {
    expect(localeOf('de_DE')).toBe('de-DE');
    expect(localeOf(undefined)).toBe('en');
  });
});
