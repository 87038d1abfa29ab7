// The web portal's static files (page, styles) go beside its compiled modules in dist/web.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'web');
mkdirSync(target, { recursive: true });
cpSync(join(root, 'apps', 'web', 'public'), target, { recursive: true });
