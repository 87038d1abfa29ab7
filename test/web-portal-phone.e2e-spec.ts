import type { Browser, Page, Request } from 'playwright-core';
import { CUSTOMER_PASSWORD, PortalWorld } from './portal-world';
import { startTestApp, type TestApp } from './support';
import {
  axeViolations,
  buildWebPages,
  CHROMIUM,
  DESKTOP,
  emailedLink,
  hasChromium,
  horizontalOverflow,
  launchChromium,
  NARROW_PHONE,
  PHONE,
  screenshot,
  shown,
} from './support/web-browser';

// The customer pages as a customer on a phone or with a keyboard meets them: every page at desktop
// and phone sizes through axe-core (WCAG 2.2 AA rules), no sideways scrolling at 390 and 320 px even
// with a 300-character word in a case, touch-sized targets, a visible focus ring, errors in plain
// words linked to their fields, and the main journey on a 390 px screen with screenshots.

const QUIET_MAILER = {
  log: () => undefined,
  warn: (message: string) => console.warn(`[mailer] ${message}`),
  error: (message: string) => console.error(`[mailer] ${message}`),
};
/** One unbroken 300-character word, like a pasted log line or URL (in descriptions and comments). */
const LONG_WORD = 'Unbreakable'.repeat(27) + 'End';
/** A name is a string field: the API takes at most 255 characters, so the longest word it allows. */
const NAME_WORD = 'Unbreakable'.repeat(23) + 'Na';
const JOURNEY_NAME = 'Scanner' + 'jam'.repeat(82);
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const SIZES = { desktop: DESKTOP, phone: PHONE, 'narrow phone': NARROW_PHONE };
type SizeName = keyof typeof SIZES;

if (!hasChromium) {
  console.warn(`web portal phone tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}
// Skipped when Chromium, the browser these tests drive, is not installed (the warning above says so).
const suite = hasChromium ? describe : describe.skip;

/** WCAG contrast ratio of two `rgb(…)` / `rgba(…)` colours (alpha ignored: both are opaque here). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, bl = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
    const linear = [r, g, bl].map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The focused element's outline and the colour behind it (the nearest ancestor with a background). */
const FOCUS_RING = `(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  let behind = el.parentElement;
  let background = 'rgb(255, 255, 255)';
  while (behind) {
    const color = getComputedStyle(behind).backgroundColor;
    if (color && color !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(color)) { background = color; break; }
    behind = behind.parentElement;
  }
  return {
    element: el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + (el.textContent || el.getAttribute('name') || '').trim().slice(0, 30),
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    color: style.outlineColor,
    background,
  };
})()`;

suite(
  hasChromium
    ? 'customer web portal on a phone and with a keyboard (headless Chromium)'
    : `customer web portal on a phone: SKIPPED, ${CHROMIUM} missing`,
  () => {
    let app: TestApp;
    let world: PortalWorld;
    let browser: Browser;
    let portal: { id: string; slug: string };
    /** A portal without a dashboard layout (the default dashboard) and with a Documents tab. */
    let filesPortal: { id: string; slug: string };
    let doraEmail: string;
    let documentId: string;
    let ada: { email: string };
    let robEmail: string;
    let longCaseId: string;
    let articleId: string;

    function url(path: string, on: { slug: string } = portal): string {
      return `${app.baseUrl}/portal/${on.slug}/${path}`;
    }

    async function open(size: SizeName): Promise<Page> {
      const context = await browser.newContext({ viewport: SIZES[size], locale: 'en-US' });
      return context.newPage();
    }

    /** The API calls a page makes from now on (to tell client-side checks from the API's). */
    function apiCalls(page: Page): string[] {
      const calls: string[] = [];
      page.on('request', (request: Request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/v1/')) calls.push(`${request.method()} ${path}`);
      });
      return calls;
    }

    async function logIn(page: Page, email: string, on: { slug: string } = portal): Promise<void> {
      await page.goto(url('login', on));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(CUSTOMER_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Dashboard' }));
    }

    /** Opens `path` and waits for its heading and data. */
    async function visit(
      page: Page,
      path: string,
      heading: string | RegExp,
      on: { slug: string } = portal,
    ): Promise<void> {
      await page.goto(url(path, on));
      await shown(page, page.getByRole('heading', { level: 1, name: heading }));
    }

    /**
     * Every page of the portal at one size, as a visitor and as a logged-in customer, including
     * the pages' error states; `check` runs on each once it has rendered.
     */
    async function everyPage(size: SizeName, check: (name: string, page: Page) => Promise<void>) {
      const token = 'x'.repeat(43);
      const visitor = await open(size);
      const publicPages: [string, string, string | RegExp][] = [
        ['login', 'login', 'Log in'],
        ['forgot password', 'forgot-password', 'Forgot your password'],
        ['accept invitation', `accept-invitation?token=${token}`, 'Welcome: choose your password'],
        ['accept invitation without token', 'accept-invitation', 'Welcome: choose your password'],
        ['reset password', `reset-password?token=${token}`, 'Choose a new password'],
        ['confirm email', `confirm-email?token=${token}`, 'Confirm your new email address'],
        ['page not found', 'no-such-page', 'Page not found'],
      ];
      for (const [name, path, heading] of publicPages) {
        await visit(visitor, path, heading);
        await check(name, visitor);
      }
      await visit(visitor, 'login', 'Log in');
      await visitor.getByRole('button', { name: 'Log in' }).click();
      await visitor.getByRole('alert').waitFor();
      await check('login with errors', visitor);
      await visitor.goto(`${app.baseUrl}/portal/no-such-portal-${world.unique()}/login`);
      await shown(visitor, visitor.getByRole('heading', { level: 1, name: 'This portal is not available' }));
      await check('portal not available', visitor);
      await visitor.context().close();

      const customer = await open(size);
      await logIn(customer, robEmail);
      await customer.getByRole('heading', { level: 2, name: 'Recent cases' }).waitFor();
      await check('dashboard', customer);
      const portalPages: [string, string, string | RegExp][] = [
        ['case list', 'records/Case', 'Cases'],
        ['case list sorted by name', 'records/Case?sort=name&order=asc', 'Cases'],
        ['new case', 'records/Case/new', 'New Case'],
        ['case with long words', `records/Case/${longCaseId}`, NAME_WORD],
        ['knowledge base', 'records/KnowledgeBaseArticle', 'Knowledge base'],
        ['article', `records/KnowledgeBaseArticle/${articleId}`, 'Resetting the printer'],
        ['case not found', `records/Case/${NO_SUCH_ID}`, 'Not found'],
        ['profile', 'profile', 'My profile'],
      ];
      for (const [name, path, heading] of portalPages) {
        await visit(customer, path, heading);
        await check(name, customer);
      }
      await visit(customer, 'records/Case/new', 'New Case');
      await customer.getByRole('button', { name: 'Create' }).click();
      await customer.getByRole('alert').waitFor();
      await check('new case with errors', customer);
      await customer.context().close();

      // The files pages: the default dashboard's blocks and the Documents tab, each with its data.
      const reader = await open(size);
      await logIn(reader, doraEmail, filesPortal);
      await reader.getByRole('heading', { level: 2, name: 'Recent documents' }).waitFor();
      await reader.locator('section.dashlet', { hasText: 'Terms of service' }).waitFor();
      await check('default dashboard', reader);
      await visit(reader, 'records/Document', 'Documents', filesPortal);
      await reader.locator('li.document', { hasText: 'terms.txt' }).waitFor();
      await check('documents', reader);
      await visit(reader, `records/Document/${documentId}`, 'Terms of service', filesPortal);
      await reader.locator('.file-name', { hasText: 'terms.txt' }).waitFor();
      await check('document', reader);
      await reader.context().close();
    }

    beforeAll(async () => {
      [app, browser] = await Promise.all([
        startTestApp({ mailer: true, mailerOptions: { logger: QUIET_MAILER } }),
        launchChromium(),
        buildWebPages(),
      ]);
      world = await PortalWorld.start(app);
      const support = await world.createRole({
        name: 'Customer support',
        scopes: {
          Case: { create: 'yes', read: 'account', edit: 'account', delete: 'no', stream: 'account' },
          KnowledgeBaseArticle: { create: 'no', read: 'all' },
        },
        fields: { Case: { status: { read: 'yes', edit: 'no' } } },
      });
      portal = await world.createPortal({
        roleIds: [],
        tabList: ['Case', 'KnowledgeBaseArticle'],
        quickCreateList: ['Case'],
        dashboardLayout: [
          { dashlet: 'OpenCasesByPriority' },
          { dashlet: 'RecentCases' },
          { dashlet: 'RecentKnowledgeBaseArticles' },
        ],
        settings: { language: 'en_US', timeZone: 'Europe/London', dateFormat: 'DD.MM.YYYY' },
      });
      const account = await world.createRecord('Account', { name: 'Acme Ltd' });
      /** A contact of Acme with a unique email address. */
      const acmeContact = async (firstName: string, lastName: string) => {
        const email = `${firstName.toLowerCase()}-${world.unique()}@customer.example.com`;
        const id = await world.createRecord('Contact', { firstName, lastName, email, accountId: account });
        return { id, email };
      };
      const adaContact = await acmeContact('Ada', 'Lovelace');
      ada = { email: adaContact.email };
      const robContact = await acmeContact('Rob', 'Reader');
      robEmail = robContact.email;
      longCaseId = await world.createRecord('Case', {
        name: NAME_WORD,
        description: `See ${LONG_WORD} for details.`,
        status: 'Assigned',
        priority: 'Urgent',
        accountId: account,
      });
      for (const [name, priority] of [
        ['Invoice question', 'Low'],
        ['Toner empty', 'Normal'],
      ] as const) {
        await world.createRecord('Case', { name, status: 'New', priority, accountId: account });
      }
      const comment = await world.staff('post', `/v1/records/Case/${longCaseId}/stream`, {
        text: `Our log says ${LONG_WORD}`,
      });
      if (comment.status !== 201) throw new Error(`staff comment: ${comment.status} ${comment.text}`);
      articleId = await world.createRecord('KnowledgeBaseArticle', {
        name: 'Resetting the printer',
        body: `Hold the power button for ten seconds. ${LONG_WORD}`,
        status: 'Published',
        portalIds: [portal.id],
      });
      await world.createPortalUser(robContact.id, portal, [support]);
      await world.sync();
      const invited = await world.staff('post', '/v1/portal-users', {
        contactId: adaContact.id,
        portalIds: [portal.id],
        roleIds: [support],
        sendInvitation: true,
      });
      if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${invited.text}`);

      const reading = await world.createRole({
        name: 'Reads documents',
        scopes: {
          Case: { read: 'account' },
          Document: { read: 'account' },
          KnowledgeBaseArticle: { read: 'all' },
        },
      });
      filesPortal = await world.createPortal({
        roleIds: [reading],
        tabList: ['Case', 'Document', 'KnowledgeBaseArticle'],
        quickCreateList: ['Case'],
        settings: { language: 'en_US', timeZone: 'Europe/London', dateFormat: 'DD.MM.YYYY' },
      });
      const doraContact = await acmeContact('Dora', 'Documents');
      doraEmail = doraContact.email;
      documentId = await world.createRecord('Document', { name: 'Terms of service', accountIds: [account] });
      const form = new FormData();
      form.append('file', new Blob(['Terms of service, version 3.\n']), 'terms.txt');
      const attached = await fetch(`${app.baseUrl}/v1/records/Document/${documentId}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${world.adminToken}` },
        body: form,
      });
      if (attached.status !== 201)
        throw new Error(`document file: ${attached.status} ${await attached.text()}`);
      await world.createRecord('KnowledgeBaseArticle', {
        name: 'Where to find your contract',
        status: 'Published',
        portalIds: [filesPortal.id],
      });
      await world.createPortalUser(doraContact.id, filesPortal);
      await world.sync();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('takes a customer through the main journey on a 390 px phone, with plain-language errors', async () => {
      const page = await open('phone');
      const calls = apiCalls(page);
      const noSideways = async (step: string) =>
        expect([step, await horizontalOverflow(page)]).toEqual([step, 0]);

      await page.goto(await emailedLink(app, portal.slug, ada.email, 'accept-invitation'));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Welcome: choose your password' }));
      await screenshot(page, 'phone-01-accept-invitation');

      // Nothing typed: the page says so in plain words, per field, without asking the API.
      calls.length = 0;
      await page.getByRole('button', { name: 'Set password and continue' }).click();
      const summary = page.getByRole('alert');
      await summary.waitFor();
      expect(await summary.innerText()).toContain('Some of what you entered needs a change.');
      expect(await summary.getByRole('link').allInnerTexts()).toEqual([
        'New password: Please fill this in.',
        'Repeat the password: Please fill this in.',
      ]);
      expect(await page.evaluate('document.activeElement.getAttribute("role")')).toBe('alert');
      expect(calls).toEqual([]);
      await screenshot(page, 'phone-02-invitation-errors');
      // Each summary item leads to its field, named by the field's own label.
      await summary.getByRole('link', { name: /^Repeat the password/ }).click();
      expect(await page.evaluate('document.activeElement.name')).toBe('confirmPassword');
      expect(await page.getByLabel('Repeat the password').getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('New password').fill(CUSTOMER_PASSWORD);
      await page.getByLabel('Repeat the password').fill(CUSTOMER_PASSWORD);
      await page.getByRole('button', { name: 'Set password and continue' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Dashboard' }));
      await page.getByRole('heading', { level: 2, name: 'Recent cases' }).waitFor();
      await noSideways('dashboard');
      await screenshot(page, 'phone-03-dashboard');

      // The case list as cards: the name as a big link, then status, priority and dates, one line each.
      await page
        .getByRole('navigation', { name: 'Portal sections' })
        .getByRole('link', { name: 'Cases' })
        .click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Cases' }));
      expect(await page.locator('table.records').isVisible()).toBe(false);
      const cards = page.locator('.record-card');
      expect(await cards.count()).toBe(3);
      for (const link of await page.locator('.record-card-link').all()) {
        expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      }
      const first = cards.first();
      expect(await first.locator('dt').allInnerTexts()).toEqual([
        'Status:',
        'Priority:',
        'Created:',
        'Last changed:',
      ]);
      for (const line of await first.locator('.record-card-line').all()) {
        // One line each: a line box of the body text, not wrapped.
        expect((await line.boundingBox())!.height).toBeLessThan(30);
      }
      await noSideways('case list');
      await screenshot(page, 'phone-04-case-list');

      // Sorting stays reachable without the table's header links.
      await page.getByLabel('Sort by', { exact: true }).selectOption('name');
      await page.getByLabel('Order', { exact: true }).selectOption('asc');
      await page.getByRole('button', { name: 'Sort', exact: true }).click();
      await page.waitForURL(/sort=name&order=asc/);
      await shown(page, page.getByRole('heading', { level: 1, name: 'Cases' }));
      expect(await page.locator('.record-card-link').allInnerTexts()).toEqual([
        'Invoice question',
        'Toner empty',
        NAME_WORD,
      ]);

      await page.getByRole('link', { name: 'New Case' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'New Case' }));
      calls.length = 0;
      await page.getByRole('button', { name: 'Create' }).click();
      expect(await page.getByRole('alert').getByRole('link').allInnerTexts()).toEqual([
        'Name: Please fill this in.',
      ]);
      expect(calls).toEqual([]);
      await page.getByLabel(/^Name/).fill(JOURNEY_NAME);
      await page.getByLabel('Description').fill(LONG_WORD);
      await screenshot(page, 'phone-05-case-create');
      await page.getByRole('button', { name: 'Create' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: JOURNEY_NAME }));

      await page.getByLabel(/^Add a comment/).fill(`It prints ${LONG_WORD}`);
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page.getByText('Your comment is posted.').waitFor();
      await noSideways('case with long name, description and comment');
      await screenshot(page, 'phone-06-case-record');

      // The profile: the API's rule (a first or a last name) checked here first, in its words.
      await page.getByRole('link', { name: 'Ada Lovelace' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'My profile' }));
      await page.getByLabel('First name').fill('');
      await page.getByLabel('Last name').fill('  ');
      calls.length = 0;
      await page.getByRole('button', { name: 'Save my profile' }).click();
      expect(await page.getByRole('alert').getByRole('link').allInnerTexts()).toEqual([
        'Last name: Enter a first name or a last name.',
      ]);
      expect(calls).toEqual([]);
      await screenshot(page, 'phone-07-profile-errors');
      await page.getByLabel('First name').fill('Ada');
      await page.getByLabel('Last name').fill('Lovelace');
      await page.getByLabel('Phone').fill('+44 20 7946 0000');
      await page.getByRole('button', { name: 'Save my profile' }).click();
      await page.getByText('Your profile is saved.').waitFor();
      // The page opened with news: the news has the focus, once the page is done (the profile's
      // "my data" part waits for the API before the page is complete and focus is placed).
      await page.locator('main :focus').waitFor();
      expect(await page.evaluate('document.activeElement.textContent')).toBe('Your profile is saved.');

      await page.getByRole('link', { name: 'Log out' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      calls.length = 0;
      await page.getByRole('button', { name: 'Log in' }).click();
      expect(await page.getByRole('alert').getByRole('link').allInnerTexts()).toEqual([
        'Email: Please fill this in.',
        'Password: Please fill this in.',
      ]);
      expect(calls).toEqual([]);
      await screenshot(page, 'phone-08-login-errors');

      // "peter" is no email address, here as in the API.
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Forgot your password' }));
      calls.length = 0;
      await page.getByLabel('Email').fill('peter');
      await page.getByRole('button', { name: 'Send the link' }).click();
      expect(await page.getByRole('alert').getByRole('link').allInnerTexts()).toEqual([
        'Email: Enter an email address like name@example.com.',
      ]);
      expect(calls).toEqual([]);
      await page.getByLabel('Email').fill(ada.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByText(/an email with a link is on its way/).waitFor();
      expect(await page.evaluate('document.activeElement.getAttribute("role")')).toBe('status');
      await screenshot(page, 'phone-09-forgot-password-sent');
      await page.context().close();
    });

    it.each(['desktop', 'phone'] as const)(
      'finds no axe-core violation on any page at %s size',
      async (size) => {
        const found: Record<string, string[]> = {};
        await everyPage(size, async (name, page) => {
          found[name] = await axeViolations(page);
        });
        expect(Object.keys(found).length).toBeGreaterThanOrEqual(21);
        const violations = Object.entries(found).filter(([, list]) => list.length > 0);
        expect(Object.fromEntries(violations)).toEqual({});
      },
      // Twenty-one pages, each loaded and scanned: minutes on a loaded 2-core CI machine.
      240_000,
    );

    it.each(['phone', 'narrow phone'] as const)(
      'never scrolls sideways at %s width, even with 300-character words',
      async (size) => {
        const overflow: Record<string, number> = {};
        await everyPage(size, async (name, page) => {
          overflow[name] = await horizontalOverflow(page);
        });
        expect(Object.entries(overflow).filter(([, pixels]) => pixels > 0)).toEqual([]);
      },
      240_000,
    );

    it('gives every focused control a ring with at least 3:1 contrast, and touch-sized header links', async () => {
      const rings: { element: string; style: string; width: number; color: string; background: string }[] =
        [];
      const page = await open('desktop');
      await visit(page, 'login', 'Log in');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('alert').waitFor();
      // From the error summary: its two links, email, password, the button, the "forgot" link.
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        rings.push(await page.evaluate(FOCUS_RING));
      }
      await logIn(page, robEmail);
      await visit(page, 'records/Case', 'Cases');
      // From the skip link: brand, user menu, tabs, "New Case", the sort links, the first records.
      await page.locator('.skip-link').focus();
      for (let i = 0; i < 14; i++) {
        await page.keyboard.press('Tab');
        rings.push(await page.evaluate(FOCUS_RING));
      }
      expect(new Set(rings.map((ring) => ring.element)).size).toBe(20);
      const weak = rings.filter(
        (ring) => ring.style === 'none' || ring.width < 2 || contrast(ring.color, ring.background) < 3,
      );
      expect(weak).toEqual([]);

      // Header, tab and sort links are at least 44 px tall (16–19 px before).
      for (const link of await page.locator('.user-menu a, .tabs a, thead th a').all()) {
        expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      }
      await page.context().close();
    });

    it('moves focus to the news after an email change is confirmed', async () => {
      const account = await world.createRecord('Account', { name: `Movers ${world.unique()}` });
      const contact = await world.createRecord('Contact', {
        firstName: 'Eve',
        lastName: 'Mover',
        email: `eve-${world.unique()}@customer.example.com`,
        accountId: account,
      });
      const eve = await world.createPortalUser(contact, portal);
      const newEmail = `eve-new-${world.unique()}@customer.example.com`;
      const asked = await world.call('post', `/v1/portals/${portal.slug}/me/email-change`, eve.token, {
        newEmail,
        password: CUSTOMER_PASSWORD,
      });
      expect(asked.status).toBe(202);

      const page = await open('phone');
      await page.goto(await emailedLink(app, portal.slug, newEmail, 'confirm-email'));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Confirm your new email address' }));
      await page.getByRole('button', { name: 'Confirm my email address' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      expect(await page.evaluate('document.activeElement.textContent')).toBe(
        'Your new email address is confirmed. Log in with it.',
      );
      await screenshot(page, 'phone-10-email-confirmed');
      await page.context().close();
    });

    it('leaves the skip link to the browser: focus moves to the content, nothing reloads', async () => {
      const page = await open('desktop');
      await logIn(page, robEmail);
      await visit(page, 'records/Case', 'Cases');
      const calls = apiCalls(page);
      await page.evaluate('document.querySelector("h1").dataset.before = "skip"');
      await page.locator('.skip-link').focus();
      await page.keyboard.press('Enter');
      await page.locator('main#main:focus').waitFor();
      expect(await page.locator('h1[data-before="skip"]').count()).toBe(1);
      expect(calls).toEqual([]);
      // The next Tab goes into the content, past the header and tabs.
      await page.keyboard.press('Tab');
      expect(await page.evaluate('!!document.activeElement.closest("main")')).toBe(true);
      await page.context().close();
    });
  },
);
