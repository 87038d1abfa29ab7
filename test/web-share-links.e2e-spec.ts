import type { Browser } from 'playwright-core';
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

// A customer shares a case from its page; the link travels in an email-like text to someone with
// no account, who opens it in a fresh browser (no session, no storage) and sees the case with its
// public comments and files, in the portal's look, and nothing internal.

const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n' + ' '.repeat(500) + '\n%%EOF\n', 'latin1');

if (!hasChromium) {
  console.warn(`share link browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}
// Skipped when Chromium, the browser these tests drive, is not installed (the warning above says so).
const suite = hasChromium ? describe : describe.skip;

suite(
  hasChromium ? 'share links in the browser' : `share links in the browser: SKIPPED, ${CHROMIUM} missing`,
  () => {
    let app: TestApp;
    let world: PortalWorld;
    let browser: Browser;
    let portal: { id: string; slug: string };
    let caseId: string;
    let customerEmail: string;

    beforeAll(async () => {
      [app, browser] = await Promise.all([startTestApp(), launchChromium(), buildWebPages()]);
      world = await PortalWorld.start(app);
      const accountId = await world.createRecord('Account', { name: 'Acme' });
      customerEmail = `ada-${world.unique()}@acme.test`;
      const contactId = await world.createRecord('Contact', {
        firstName: 'Ada',
        lastName: 'Acme',
        email: customerEmail,
        accountId,
      });
      const roleId = await world.createRole({
        name: 'Sharing customers',
        scopes: { Case: { read: 'account', stream: 'account', share: 'account' } },
        fields: { Case: { internalNotes: { read: 'no', edit: 'no' } } },
      });
      portal = await world.createPortal({
        roleIds: [roleId],
        tabList: ['Case'],
        branding: { companyName: 'Acme Support', primaryColor: '#7a1f5c' },
      });
      caseId = await world.createRecord('Case', {
        name: 'Printer on fire',
        status: 'Assigned',
        priority: 'High',
        internalNotes: 'customer is difficult',
        accountId,
      });
      await world.staff('post', `/v1/records/Case/${caseId}/stream`, {
        text: 'A technician comes on Monday.',
      });
      await world.staff('post', `/v1/records/Case/${caseId}/stream`, {
        text: 'Bill them double.',
        isInternal: true,
      });
      await world.createPortalUser(contactId, portal);
      for (const [name, isInternal] of [
        ['quote.pdf', false],
        ['margin.pdf', true],
      ] as const) {
        const form = new FormData();
        form.append('isInternal', String(isInternal));
        form.append('file', new Blob([PDF], { type: 'application/pdf' }), name);
        const res = await fetch(`${app.baseUrl}/v1/records/Case/${caseId}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${world.adminToken}` },
          body: form,
        });
        expect(res.status).toBe(201);
      }
      await world.sync();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('opens a link from an email in a fresh browser: the case and its public comments, nothing internal', async () => {
      // The customer makes the link on the case's page.
      const sharer = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-US' });
      const page = await sharer.newPage();
      await page.goto(`${app.baseUrl}/portal/${portal.slug}/login`);
      await page.getByLabel('Email').fill(customerEmail);
      await page.getByLabel('Password').fill(CUSTOMER_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Dashboard' }));
      await page.goto(`${app.baseUrl}/portal/${portal.slug}/records/Case/${caseId}`);
      await shown(page, page.getByRole('heading', { level: 1, name: 'Printer on fire' }));
      await page.getByLabel('Include the comments').check();
      await page.getByLabel('Include the files').check();
      await page.getByRole('button', { name: 'Create link' }).click();
      const box = page.getByLabel('Share link');
      await box.waitFor();
      const url = await box.inputValue();
      expect(url).toMatch(new RegExp(`^${app.baseUrl}/s/[A-Za-z0-9_-]{43}$`));
      await screenshot(page, 'share-link-created');
      await sharer.close();

      // It travels in an email, as text.
      const email = `Hi Bob,\n\nhere is the printer case, have a look:\n${url}\n\nBest, Ada`;
      const link = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/.exec(email)?.[0];
      expect(link).toBe(url);

      // Someone with no account opens it: a new context has no session and no storage.
      const visitor = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-US' });
      const view = await visitor.newPage();
      await view.goto(link!);
      await view.getByRole('heading', { level: 1, name: 'Printer on fire' }).waitFor();
      const main = view.getByRole('main');
      await expect(main.textContent()).resolves.toContain('A technician comes on Monday.');
      await expect(main.textContent()).resolves.toContain('High');
      const everything = (await view.content()) + (await view.textContent('body'));
      expect(everything).not.toContain('Bill them double.');
      expect(everything).not.toContain('customer is difficult');
      await expect(view.getByRole('banner').textContent()).resolves.toContain('Acme Support');
      // The public file is there to download through the same token; the internal one is not.
      const file = view.getByRole('link', { name: /^Download quote\.pdf/ });
      const href = await file.getAttribute('href');
      expect(href).toMatch(new RegExp(`^/v1/shared/${link!.split('/s/')[1]}/attachments/[0-9a-f-]{36}$`));
      const fetched = await fetch(`${app.baseUrl}${href}`);
      expect([fetched.status, Buffer.from(await fetched.arrayBuffer()).equals(PDF)]).toEqual([200, true]);
      expect(everything).not.toContain('margin.pdf');
      // No way into the portal from here.
      expect(await view.locator(`a[href*="/portal/"]`).count()).toBe(0);
      expect(await axeViolations(view)).toEqual([]);
      await screenshot(view, 'share-link-opened');

      // Revoked: the same address shows the one answer for every dead link.
      const links = await world.staff('get', `/v1/records/Case/${caseId}/share-links`);
      const revoked = await world.staff(
        'delete',
        `/v1/records/Case/${caseId}/share-links/${links.json.items[0].id}`,
      );
      expect(revoked.status).toBe(204);
      await view.goto(link!);
      await view.getByRole('heading', { level: 1, name: 'Link not available' }).waitFor();
      expect(await view.textContent('body')).not.toContain('Printer on fire');
      await visitor.close();
    });
  },
);
