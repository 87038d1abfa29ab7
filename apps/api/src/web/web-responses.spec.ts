import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebAssets } from './web-assets';
import { portalAsset, portalPage } from './web-responses';

describe('the web portal files (page and assets)', () => {
  let folder: string;
  let assets: WebAssets;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'web-assets-'));
    mkdirSync(join(folder, 'pages'));
    writeFileSync(
      join(folder, 'index.html'),
      '<html><head><link rel="stylesheet" href="/portal-assets/styles.css" /></head><body></body></html>',
    );
    writeFileSync(join(folder, 'styles.css'), 'body { color: black; }');
    writeFileSync(join(folder, 'main.js'), 'import "./pages/login.js";');
    writeFileSync(join(folder, 'pages', 'login.js'), 'export {};');
    writeFileSync(join(folder, 'main.js.map'), '{}');
    writeFileSync(join(folder, 'notes.txt'), 'not an asset type');
    writeFileSync(join(folder, '.hidden.js'), 'hidden');
    assets = await WebAssets.load(folder);
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each(['customers', 'eu-2', 'ab'])(
    'answers the page for the slug %s with a strict CSP and no Referer',
    (slug) => {
      const res = portalPage(assets, slug);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it.each(['Customers', 'has space', 'a', '..', 'a'.repeat(65), '0b0d7e5c-3f1a-4c1e-9a51-2f1d1b6f8e3a'])(
    'refuses %s as a slug',
    (slug) => {
      expect(portalPage(assets, slug).status).toBe(404);
    },
  );

  it('points the page at versioned assets and preloads every module', () => {
    const html = portalPage(assets, 'customers').body?.toString('utf8') ?? '';
    const { version } = assets;
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(html).toContain(`href="/portal-assets/${version}/styles.css"`);
    expect(html).toContain(`<link rel="modulepreload" href="/portal-assets/${version}/main.js" />`);
    expect(html).toContain(`<link rel="modulepreload" href="/portal-assets/${version}/pages/login.js" />`);
    expect(html).not.toContain('"/portal-assets/styles.css"');
  });

  it('serves versioned assets as immutable with their content type', () => {
    const js = portalAsset(assets, `${assets.version}/pages/login.js`);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body?.toString()).toBe('export {};');
  });

  it('serves unversioned assets for revalidation, and 304 for a matching ETag', () => {
    const css = portalAsset(assets, 'styles.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('no-cache');
    const again = portalAsset(assets, 'styles.css', css.headers.etag);
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(portalPage(assets, 'customers', portalPage(assets, 'other').headers.etag).status).toBe(304);
  });

  it('gives a new version when a file changes', async () => {
    writeFileSync(join(folder, 'styles.css'), 'body { color: navy; }');
    const reloaded = await WebAssets.load(folder);
    expect(reloaded.version).not.toBe(assets.version);
  });

  it.each([
    'notes.txt',
    'index.html',
    'main.js.map',
    '.hidden.js',
    '../outside.js',
    'pages/../main.js',
    './main.js',
    'pages//login.js',
    '/etc/passwd',
    'nothing.js',
    '',
  ])('refuses %s', (path) => {
    expect(portalAsset(assets, path).status).toBe(404);
    expect(portalAsset(assets, `${assets.version}/${path}`).status).toBe(404);
  });

  it('refuses to load a folder without index.html', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'web-empty-'));
    await expect(WebAssets.load(empty)).rejects.toThrow(/index\.html/);
    rmSync(empty, { recursive: true, force: true });
  });
});
