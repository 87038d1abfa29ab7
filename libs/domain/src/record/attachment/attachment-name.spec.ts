import { normaliseFileName } from './attachment-name';

describe('normaliseFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\cmd.exe', 'cmd.exe'],
    ['C:\\Users\\me\\a b.pdf', 'a b.pdf'],
    ['.htaccess', 'htaccess'],
    ['..', 'file'],
    ['', 'file'],
    ['   ', 'file'],
    ['a\u0000b\u001fc\u007f.txt', 'abc.txt'],
    ['in<voice>:"1"|?*.pdf', 'invoice1.pdf'],
    ['many    spaces\t\there.txt', 'many spaces here.txt'],
    ['trailing dots...', 'trailing dots'],
    ['Cafe\u0301.pdf', 'Caf\u00e9.pdf'],
  ])('%j becomes %j', (raw, safe) => {
    expect(normaliseFileName(raw)).toBe(safe);
  });

  it('keeps at most 200 characters and the extension', () => {
    const name = normaliseFileName(`${'x'.repeat(500)}.docx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.docx')).toBe(true);
  });
});
