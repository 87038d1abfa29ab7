const MAX_NAME_LENGTH = 200;
// C0/C1 controls, DEL, and characters no file system or header should see in a name.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"|?*\\/]/g;

/**
 * A client's file name made safe to store and to send back in Content-Disposition: the last path
 * segment only (`../../etc/passwd` is `passwd`, `C:\\x\\a.pdf` is `a.pdf`), Unicode NFC, no control
 * or reserved characters, no leading dots (no hidden files, no `..`), spaces collapsed, at most 200
 * characters keeping the extension; `file` when nothing is left.
 */
export function normaliseFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  let name = lastSegment.normalize('NFC').replace(/\s+/g, ' ').replace(UNSAFE, '').trim();
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name =
      Array.from(name.slice(0, name.length - extension.length))
        .slice(0, MAX_NAME_LENGTH - extension.length)
        .join('') + extension;
  }
  return name === '' ? 'file' : name;
}
