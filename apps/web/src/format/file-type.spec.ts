import { ALLOWED_CONTENT_TYPES } from '../../../api/src/attachments/upload/content-sniffing';
import { fileTypeName } from './file-type';

describe('fileTypeName (a file type as people name it)', () => {
  it('names every type the API accepts, each differently', () => {
    const names = ALLOWED_CONTENT_TYPES.map(fileTypeName);
    expect(names.every((name) => !name.includes('/') && name.length <= 10)).toBe(true);
    expect(new Set(names).size).toBe(ALLOWED_CONTENT_TYPES.length);
    expect(fileTypeName('application/pdf')).toBe('PDF');
    expect(fileTypeName('text/plain; charset=utf-8')).toBe('TXT');
  });

  it('falls back to the subtype for a type it does not know', () => {
    expect(fileTypeName('image/tiff')).toBe('TIFF');
    expect(fileTypeName('application/x-rar')).toBe('RAR');
    expect(fileTypeName('weird')).toBe('weird');
  });
});
