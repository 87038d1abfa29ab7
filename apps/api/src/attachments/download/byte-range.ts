import type { ByteRange } from '@portal/blob-store';

/**
 * The one range of a `Range: bytes=…` header over a file of `size` bytes: `full` when there is no
 * header, a header in another unit, or several ranges (answered whole, as RFC 9110 allows);
 * `unsatisfiable` when it starts past the end or cannot be read.
 */
export function byteRange(header: string | undefined, size: number): ByteRange | 'full' | 'unsatisfiable' {
  if (header === undefined) return 'full';
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match)
    return /^bytes=/.test(header.trim()) && header.includes(',')
      ? 'full'
      : header.trim().startsWith('bytes=')
        ? 'unsatisfiable'
        : 'full';
  const [, first, last] = match;
  if (first === '' && last === '') return 'unsatisfiable';
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
