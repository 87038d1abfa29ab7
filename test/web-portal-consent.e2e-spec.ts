import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { CUSTOMER_PASSWORD, PortalWorld } from './portal-world';
import { startTestApp, type TestApp } from './support';
import {
  axeViolations,
  buildWebPages,
  CHROMIUM,
  hasChromium,
  launchChromium,
  screenshot,
  shown,
} from './support/web-browser';

// The portal's terms in the browser: a customer who has not accepted the current version meets the
// consent page at login (and with an invitation), accepts, and goes on; a new version brings the
// page back on the next click; withdrawing the consent from the profile logs them out. Someone who
// will not accept new terms can still download their data or ask for deletion from that page.

if (!hasChromium) {
  console.warn(`web consent tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}
// Skipped when Chromium, the browser these tests drive, is not installed (the warning above says so).
const suite = hasChromium ? describe : describe.skip;

const CONSENT_TITLE = 'Terms of use and privacy';

suite(
  hasChromium
    ? 'consent to the terms in the browser'
    : `consent in the browser: SKIPPED, ${CHROMIUM} missing`,
  () => {
    let app: TestApp;
    let world: PortalWorld;
    let browser: Browser;
    let portal: { id: string; slug: string };
    let accountId: string;
    let roleId: string;
    let ada: { id: string; email: string };

    const url = (path: string) => `${app.baseUrl}/portal/${portal.slug}/${path}`;

    async function requireVersion(version: string): Promise<void> {
      const changed = await world.staff('patch', `/v1/portals/${portal.id}`, {
        settings: { consentVersion: version, consentUrl: `https://example.com/terms/${version}` },
      });
      expect(changed.status).toBe(200);
      await world.sync();
    }

    async function newContact(firstName: string): Promise<{ contactId: string; email: string }> {
      const email = `${firstName.toLowerCase()}-${world.unique()}@customer.example.com`;
      const contactId = await world.createRecord('Contact', {
        firstName,
        lastName: 'Byron',
        email,
        accountId,
      });
      return { contactId, email };
    }

    async function newPage(): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-US' });
      return context.newPage();
    }

    /** The consent page for `version`: its heading focused, the terms linked, no axe violation. */
    async function expectConsentPage(page: Page, version: string): Promise<void> {
      await shown(page, page.getByRole('heading', { level: 1, name: CONSENT_TITLE }));
      expect(await page.evaluate('document.activeElement.textContent')).toBe(CONSENT_TITLE);
      const terms = page.getByRole('link', {
        name: `Read the terms (version ${version}) (opens in a new tab)`,
      });
      expect(await terms.getAttribute('href')).toBe(`https://example.com/terms/${version}`);
      expect(await terms.getAttribute('target')).toBe('_blank');
      expect(await axeViolations(page)).toEqual([]);
    }

    async function consentsOf(userId: string): Promise<string[]> {
      return (await app.eventStore.readStream(`portalUser-${userId}`))
        .filter((e) => e.type === 'ConsentGiven' || e.type === 'ConsentWithdrawn')
        .map((e) => `${e.type === 'ConsentGiven' ? 'given' : 'withdrawn'} ${e.data.version as string}`);
    }

    beforeAll(async () => {
      [app, browser] = await Promise.all([startTestApp(), launchChromium(), buildWebPages()]);
      world = await PortalWorld.start(app);
      accountId = await world.createRecord('Account', { name: 'Consenting Ltd' });
      roleId = await world.createRole({
        name: `Cases ${world.unique()}`,
        scopes: { Case: { create: 'yes', read: 'account', edit: 'own', delete: 'no', stream: 'account' } },
      });
      portal = await world.createPortal({ roleIds: [roleId], tabList: ['Case'] });
      // Ada joined before the portal had terms: her next login meets them.
      const contact = await newContact('Ada');
      const user = await world.createPortalUser(contact.contactId, portal);
      ada = { id: user.id, email: contact.email };
      await requireVersion('2026-1');
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('asks at login, again on the next click after a new version, and withdrawing logs out', async () => {
      const page = await newPage();
      const logIn = async () => {
        await page.goto(url('login'));
        await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
        await page.getByLabel('Email').fill(ada.email);
        await page.getByLabel('Password').fill(CUSTOMER_PASSWORD);
        await page.getByRole('button', { name: 'Log in' }).click();
      };
      await logIn();
      await expectConsentPage(page, '2026-1');
      // Before a session there is nothing of theirs to offer (the data calls need the login).
      expect(await page.getByRole('region', { name: 'My data' }).count()).toBe(0);
      await screenshot(page, 'consent-at-login');
      await page.getByRole('button', { name: 'I accept the terms' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Dashboard' }));
      expect(await consentsOf(ada.id)).toEqual(['given 2026-1']);

      // A new version: the next page the customer opens is the consent page, then that page.
      await requireVersion('2026-2');
      await page
        .getByRole('navigation', { name: 'Portal sections' })
        .getByRole('link', { name: 'Cases' })
        .click();
      await expectConsentPage(page, '2026-2');
      expect(new URL(page.url()).pathname).toBe(`/portal/${portal.slug}/consent`);
      await page.getByRole('button', { name: 'I accept the terms' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Cases' }));
      expect(new URL(page.url()).pathname).toBe(`/portal/${portal.slug}/records/Case`);

      // Withdrawing, from the profile, ends the session: the login page says why.
      await page.getByRole('link', { name: 'Ada Byron' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'My profile' }));
      const terms = page.getByRole('region', { name: 'Terms of use' });
      expect(await terms.innerText()).toContain('You have accepted version 2026-2');
      await terms.getByRole('button', { name: 'Withdraw my consent' }).click();
      // Not without the confirmation: the form says so at the box, and nothing is sent.
      const summary = terms.getByRole('alert').first();
      await summary.waitFor();
      expect(await summary.innerText()).toContain(
        'I understand that I will be logged out: Tick this box to go on.',
      );
      expect(await page.evaluate('document.activeElement.getAttribute("role")')).toBe('alert');
      expect(await consentsOf(ada.id)).toEqual(['given 2026-1', 'given 2026-2']);
      await terms.getByLabel('I understand that I will be logged out').check();
      await terms.getByRole('button', { name: 'Withdraw my consent' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      const news = page.getByRole('status');
      expect(await news.innerText()).toBe(
        'You withdrew your consent to the terms, so you have been logged out. To use the portal again, log in and accept the terms.',
      );
      expect(await page.evaluate('document.activeElement.textContent')).toBe(await news.innerText());
      await screenshot(page, 'consent-withdrawn');
      expect(await consentsOf(ada.id)).toEqual(['given 2026-1', 'given 2026-2', 'withdrawn 2026-2']);
      // The page forgot the ended session, and the next login asks again.
      expect(await page.evaluate(`sessionStorage.getItem('portal:${portal.slug}:session')`)).toBeNull();
      await logIn();
      await expectConsentPage(page, '2026-2');
      await page.context().close();
    });

    it('lets a signed-in customer who owes consent download their data and ask for deletion', async () => {
      const cleo = await newContact('Cleo');
      const current = (await world.call('get', `/v1/portals/${portal.slug}/public`, '')).json.consent
        .version as string;
      const user = await world.createPortalUser(cleo.contactId, portal, [], { consentVersion: current });
      const page = await newPage();
      await page.goto(url('login'));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      await page.getByLabel('Email').fill(cleo.email);
      await page.getByLabel('Password').fill(CUSTOMER_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Dashboard' }));

      // New terms while signed in: the consent page offers the data and the deletion request.
      const next = `${current}-next`;
      await requireVersion(next);
      await page
        .getByRole('navigation', { name: 'Portal sections' })
        .getByRole('link', { name: 'Cases' })
        .click();
      await expectConsentPage(page, next);
      const mine = page.getByRole('region', { name: 'My data' });
      await shown(page, mine);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        mine.getByRole('button', { name: 'Download my data' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^my-data-${portal.slug}-\\d{4}-\\d{2}-\\d{2}\\.json$`),
      );
      const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
        subject: { portalUserIds: string[] };
      };
      expect(exported.subject.portalUserIds).toEqual([user.id]);

      await mine.getByLabel('I understand that my account and my data will be deleted').check();
      await mine.getByRole('button', { name: 'Ask to delete my account' }).click();
      // Back on the consent page, the confirmation focused as the news of the page.
      const sent = page.getByRole('status').filter({ hasText: 'Your request is sent.' });
      await shown(page, sent);
      await shown(page, page.getByRole('heading', { level: 1, name: CONSENT_TITLE }));
      expect(await sent.innerText()).toBe('Your request is sent. An administrator will decide soon.');
      expect(await page.evaluate('document.activeElement.textContent')).toBe(await sent.innerText());
      const pending = page.getByRole('region', { name: 'My data' });
      await shown(
        page,
        pending.getByText('for your account to be deleted. An administrator will decide soon.'),
      );
      expect(await pending.getByRole('button', { name: 'Ask to delete my account' }).count()).toBe(0);
      // Still nothing else of the portal without the terms, and no consent was written by any of it.
      expect(new URL(page.url()).pathname).toBe(`/portal/${portal.slug}/consent`);
      expect(await consentsOf(user.id)).toEqual([`given ${current}`]);
      await page.context().close();
    });

    it('asks an invited customer right after they chose a password', async () => {
      const bob = await newContact('Bob');
      const { id: userId, invitationToken: token } = await world.invite(bob.contactId, portal);
      const version = (await world.call('get', `/v1/portals/${portal.slug}/public`, '')).json.consent.version;

      const page = await newPage();
      await page.goto(url(`accept-invitation?token=${token}`));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Welcome: choose your password' }));
      await page.getByLabel('New password').fill(CUSTOMER_PASSWORD);
      await page.getByLabel('Repeat the password').fill(CUSTOMER_PASSWORD);
      await page.getByRole('button', { name: 'Set password and continue' }).click();
      await expectConsentPage(page, version as string);
      // Nothing is written until the terms are accepted.
      expect(await consentsOf(userId)).toEqual([]);
      await page.getByRole('button', { name: 'I accept the terms' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Dashboard' }));
      expect(await consentsOf(userId)).toEqual([`given ${version as string}`]);
      await page.context().close();
    });
  },
);
