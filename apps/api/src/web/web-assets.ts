import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';

/** One file of the web portal, held in memory: the whole portal is a few dozen small files. */
export interface WebAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/** Asset names are plain relative paths: letters, digits, `-`, `_`, `.`, `/`, never `..` or a leading dot. */
const SAFE_NAME = /^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * The compiled web portal. Only files that exist at load time, with a known extension and a safe
 * name, can ever be served: a request path is a key into this map, never a path on disk.
 */
export class WebAssets {
  private constructor(
    private readonly files: ReadonlyMap<string, WebAsset>,
    /** A hash of every file: asset URLs carry it so browsers may cache them for good. */
    readonly version: string,
    readonly indexHtml: WebAsset,
  ) {}

  static async load(folder: string): Promise<WebAssets> {
    const files = new Map<string, WebAsset>();
    const versionHash = createHash('sha256');
    for (const path of (await listFiles(folder)).sort()) {
      const name = relative(folder, path).split(sep).join('/');
      const contentType = CONTENT_TYPES[extname(name)];
      if (!contentType || !SAFE_NAME.test(name) || name.endsWith('.map')) continue;
      const body = await readFile(path);
      versionHash.update(name).update(body);
      files.set(name, { body, contentType, etag: etagOf(body) });
    }
    const index = files.get('index.html');
    if (!index) throw new Error(`no index.html in ${folder}: run npm run build`);
    const version = versionHash.digest('hex').slice(0, 12);
    // Asset URLs in the page get the version as a path segment, so relative imports between the
    // modules keep it too and every file of one build is cached together.
    // Every module is announced up front, so the browser fetches them in parallel instead of
    // discovering the import graph one level at a time.
    const preloads = [...files.keys()]
      .filter((name) => name.endsWith('.js'))
      .map((name) => `<link rel="modulepreload" href="/portal-assets/${name}" />`)
      .join('\n    ');
    const html = Buffer.from(
      index.body
        .toString('utf8')
        .replace('</head>', `  ${preloads}\n  </head>`)
        .replaceAll('/portal-assets/', `/portal-assets/${version}/`),
    );
    return new WebAssets(files, version, { body: html, contentType: index.contentType, etag: etagOf(html) });
  }

  /** The asset called `name` (e.g. `pages/login.js`), if it is one of the portal's files. */
  get(name: string): WebAsset | undefined {
    if (!SAFE_NAME.test(name) || name === 'index.html') return undefined;
    return this.files.get(name);
  }
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}
