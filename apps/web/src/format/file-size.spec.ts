import { fileSize } from './file-size';

describe('fileSize (a file size for people, in the portal language)', () => {
  it('counts in steps of 1024 with one decimal below ten of a unit', () => {
    expect(fileSize(0, 'en-US')).toBe('0 bytes');
    expect(fileSize(1, 'en-US')).toBe('1 byte');
    expect(fileSize(1023, 'en-US')).toBe('1,023 bytes');
    expect(fileSize(1024, 'en-US')).toBe('1 kB');
    expect(fileSize(1536, 'en-US')).toBe('1.5 kB');
    expect(fileSize(25 * 1024 * 1024, 'en-US')).toBe('25 MB');
    expect(fileSize(10.44 * 1024 * 1024, 'en-US')).toBe('10 MB');
    expect(fileSize(3 * 1024 ** 3, 'en-US')).toBe('3 GB');
    expect(fileSize(5 * 1024 ** 4, 'en-US')).toBe('5,120 GB');
  });

  it('never shows 1024 of a unit: that is one of the next', () => {
    expect(fileSize(1024 * 1024 - 1, 'en-US')).toBe('1 MB');
  });

  it("uses the language's digits and unit words", () => {
    expect(fileSize(1536 * 1024, 'de-DE')).toBe('1,5 MB');
    // French puts a narrow no-break space between number and unit.
    expect(fileSize(1536 * 1024, 'fr-FR')).toBe('1,5\u202fMo');
    expect(fileSize(1536 * 1024, 'es-ES')).toBe('1,5 MB');
    expect(fileSize(700, 'de-DE')).toBe('700 Byte');
  });

  it('falls back to English for a tag Intl refuses, and to 0 for a negative size', () => {
    expect(fileSize(2048, 'not a tag!')).toBe('2 kB');
    expect(fileSize(-5, 'en')).toBe('0 bytes');
  });
});
