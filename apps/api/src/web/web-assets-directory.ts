import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the compiled web portal lives: WEB_ASSETS_DIR, else `dist/web` under the project root (the
 * nearest folder up from here with a package.json), which holds for ts-jest runs from source and
 * for the compiled dist/apps/api/src/web alike.
 */
export function webAssetsDirectory(env: NodeJS.ProcessEnv = process.env, from: string = __dirname): string {
  if (env.WEB_ASSETS_DIR) return resolve(env.WEB_ASSETS_DIR);
  let folder = resolve(from);
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) return resolve('dist', 'web');
    folder = parent;
  }
  return join(folder, 'dist', 'web');
}
