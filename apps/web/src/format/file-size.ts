/** Units Intl can name in every language (`1,5 Mo` in French), each 1024 times the one before. */
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * A file's size for people, in `locale`'s digits and unit words: `512 byte`, `1.5 MB`, `12 MB`.
 * One decimal below 10 of a unit, none above; steps of 1024, as the API's MAX_UPLOAD_MB counts.
 */
export function fileSize(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // A value that rounds up to 1024 of a unit is shown as 1 of the next (1023.96 KB → 1 MB).
  if (unit > 0 && unit < UNITS.length - 1 && Math.round(value) >= 1024) {
    value /= 1024;
    unit += 1;
  }
  const format = (tag: string) =>
    new Intl.NumberFormat(tag, {
      style: 'unit',
      unit: UNITS[unit],
      unitDisplay: unit === 0 ? 'long' : 'short',
      maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1,
    }).format(value);
  try {
    return format(locale);
  } catch {
    return format('en');
  }
}
