import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { parseEml, textPart, type ParsedEml } from '../../libs/mailer/src/testing/parse-eml';
import { waitUntil } from '../../libs/mailer/src/testing/wait-until';
import type { TestApp } from './test-app';

// What the browser tests of the customer pages share: Debian's Chromium, the pages compiled as
// `npm run build` does, the outbox the mailer writes, axe-core and a few layout measurements.

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ROOT = join(__dirname, '..', '..');
/** Git-ignored: a reviewer looks at them after a run; they are never committed. */
export const SCREENSHOTS = join(ROOT, 'test', 'screenshots');
const AXE_SOURCE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

export const hasChromium = existsSync(CHROMIUM);

/** The desktop and phone sizes every page is checked at, and the narrowest phone for overflow. */
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const NARROW_PHONE = { width: 320, height: 640 };

/** Runs a Node script of the project (the TypeScript compiler, the asset copy) and waits for it. */
function run(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [script, ...args], { cwd: ROOT }, (error, stdout, stderr) =>
      error ? reject(new Error(`${script} failed: ${stdout}${stderr}`)) : resolve(),
    ),
  );
}

/** What dist/web is made from: tsconfig.web.json's inputs, the config and the copy script. */
const WEB_SOURCES = [
  'apps/web',
  'libs/acl/src/protected-fields.ts',
  'libs/client/src/problem-codes.ts',
  'tsconfig.web.json',
  'scripts/copy-web-assets.mjs',
];
/** The hash of WEB_SOURCES that dist/web was last built from by these tests. */
const WEB_BUILD_STAMP = join(ROOT, 'dist', 'web', '.test-build-sources.sha256');

async function filesOf(source: string): Promise<string[]> {
  const path = join(ROOT, source);
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function webSourcesHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await Promise.all(WEB_SOURCES.map(filesOf))).flat().sort();
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  return hash.digest('hex');
}

/**
 * The pages as shipped: compiled and copied beside their assets, as `npm run build` does. Each
 * browser suite calls it; the compile (seconds of CPU) is skipped when dist/web was built by an
 * earlier suite from the same sources.
 */
export async function buildWebPages(): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const sources = await webSourcesHash();
  if ((await readFile(WEB_BUILD_STAMP, 'utf8').catch(() => '')) === sources) return;
  await run(join(ROOT, 'node_modules/typescript/bin/tsc'), ['-p', 'tsconfig.web.json']);
  await run(join(ROOT, 'scripts/copy-web-assets.mjs'), []);
  await writeFile(WEB_BUILD_STAMP, sources);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Waits for `locator`, then for the page to finish rendering: the app shows a page's heading at once
 * and marks its main area aria-busy until the page's data is in, so reading the data right after
 * the heading appears would race the API on a busy machine.
 */
export async function shown(page: Page, locator: Locator): Promise<void> {
  await locator.waitFor();
  // A locator, not waitForFunction: polling a string predicate needs eval, which the pages' CSP
  // refuses (the first check passes through DevTools, so it failed only when the page was slow).
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The emails the mailer wrote to `to` so far (the outbox's .eml files). */
export async function emailsTo(app: TestApp, to: string): Promise<ParsedEml[]> {
  const outbox = join(app.config.dataDir, 'outbox');
  const names = existsSync(outbox) ? (await readdir(outbox)).filter((n) => n.endsWith('.eml')) : [];
  const emails = await Promise.all(
    names.map(async (name) => parseEml(await readFile(join(outbox, name), 'utf8'))),
  );
  return emails.filter((eml) => eml.headers.get('to')?.includes(to));
}

/** Waits for an email to `to` whose text part matches `pattern`; returns it and the match. */
export async function awaitEmail(
  app: TestApp,
  to: string,
  pattern: RegExp,
): Promise<{ email: ParsedEml; match: RegExpExecArray }> {
  let found: { email: ParsedEml; match: RegExpExecArray } | undefined;
  await waitUntil(`an email to ${to} matching ${pattern}`, async () => {
    for (const email of await emailsTo(app, to)) {
      const match = pattern.exec(textPart(email));
      if (match) found = { email, match };
    }
    return found !== undefined;
  });
  return found!;
}

/** The emailed link to `/portal/{slug}/{path}?token=…` sent to `to`. */
export async function emailedLink(app: TestApp, slug: string, to: string, path: string): Promise<string> {
  const link = new RegExp(`https?://\\S+/portal/${slug}/${path}\\?token=[\\w.~%-]+`);
  return (await awaitEmail(app, to, link)).match[0];
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * axe-core's WCAG 2.0–2.2 A and AA rules on the page as it is now; each violation as
 * `rule: selector, selector` so a failure says what and where.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const injected = await page.evaluate('typeof window.axe === "object"');
  // Evaluated through the DevTools protocol: the portal's CSP (script-src 'self') rightly refuses an inline script tag.
  if (!injected) await page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
  const violations = (await page.evaluate(`axe
    .run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    })
    .then((result) => result.violations)`)) as AxeViolation[];
  return violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}; ${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** How many CSS pixels the page is wider than the viewport (0: no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>(
    'Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth',
  );
}
