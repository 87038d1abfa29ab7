// The web portal's static files (page, styles) go beside its compiled modules in dist/web. The
// modules keep the repository's layout (apps/web/src/…, libs/acl/src/protected-fields.js: the web
// imports the ACL's constants rather than copying them), so what an older layout left is removed.
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'web');
const publicFiles = join(root, 'apps', 'web', 'public');
mkdirSync(target, { recursive: true });
// Only what no build writes any more goes (builds may run side by side: the browser tests).
const current = new Set(['apps', 'libs', ...readdirSync(publicFiles)]);
for (const entry of readdirSync(target)) {
  if (!current.has(entry)) rmSync(join(target, entry), { recursive: true, force: true });
}
cpSync(publicFiles, target, { recursive: true });
