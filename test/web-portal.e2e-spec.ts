import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { CUSTOMER_PASSWORD, PortalWorld } from './portal-world';
import { startTestApp, type TestApp } from './support';
import {
  buildWebPages,
  CHROMIUM,
  emailedLink as emailedLinkIn,
  hasChromium,
  horizontalOverflow,
  launchChromium,
  screenshot,
  shown,
} from './support/web-browser';

// The customer web portal (apps/web) driven in Debian's headless Chromium through the whole
// service: API, projector and mailer (outbox files). Every page talks to the same JSON API as any
// other client; the tests set up data as staff through that API too.

const TIME_ZONE = 'America/New_York';
const NEW_PASSWORD = 'Fresh-password-2!';
/** The mailer's routine lines would drown the test output; its warnings and errors still show. */
const QUIET_MAILER = {
  log: () => undefined,
  warn: (message: string) => console.warn(`[mailer] ${message}`),
  error: (message: string) => console.error(`[mailer] ${message}`),
};

if (!hasChromium) {
  console.warn(`web portal browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}
// Skipped when Chromium, the browser these tests drive, is not installed (the warning above says so).
const suite = hasChromium ? describe : describe.skip;

/** A PDF as the API tells it from its first bytes, `size` bytes long, random after the header. */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The bytes of a download the page handed to the browser. */
async function downloaded(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

/** The portal's date format (DD.MM.YYYY HH:mm) in its time zone, computed independently of the page's code. */
function portalTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

suite(
  hasChromium
    ? 'customer web portal (headless Chromium)'
    : `customer web portal: SKIPPED, ${CHROMIUM} missing`,
  () => {
    let app: TestApp;
    let world: PortalWorld;
    let browser: Browser;
    let portal: { id: string; slug: string };
    const accountA = { id: '' };
    const contactA = { id: '', email: '' };
    let otherAccountCaseId: string;
    let staffCaseId: string;
    let readerEmail: string;

    /** The emailed link to `path` sent to `to` (the mailer's outbox file). */
    function emailedLink(to: string, path: string): Promise<string> {
      return emailedLinkIn(app, portal.slug, to, path);
    }

    async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-US' });
      const page = await context.newPage();
      return { context, page };
    }

    function url(path: string): string {
      return `${app.baseUrl}/portal/${portal.slug}/${path}`;
    }

    /** The bearer token the page keeps in sessionStorage. */
    function storedToken(page: Page): Promise<string> {
      return page.evaluate<string>("JSON.parse(Object.values(sessionStorage)[0] || '{}').token");
    }

    async function logIn(page: Page, email: string, password: string): Promise<void> {
      await page.goto(url('login'));
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Dashboard' }));
    }

    beforeAll(async () => {
      // The pages as shipped, compiled as `npm run build` does, while the service starts.
      [app, browser] = await Promise.all([
        // 2 MB uploads at most: the files test shows the refusal of a bigger one.
        startTestApp({ mailer: true, mailerOptions: { logger: QUIET_MAILER }, config: { maxUploadMb: 2 } }),
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
        fields: { Case: { internalNotes: { read: 'no', edit: 'no' }, status: { read: 'yes', edit: 'no' } } },
      });
      const reader = await world.createRole({
        name: 'Read only',
        scopes: { Case: { create: 'no', read: 'account', edit: 'no', delete: 'no', stream: 'account' } },
        fields: {},
      });
      portal = await world.createPortal({
        roleIds: [],
        tabList: ['Case', 'KnowledgeBaseArticle'],
        quickCreateList: ['Case'],
        dashboardLayout: [{ dashlet: 'OpenCasesByPriority' }, { dashlet: 'RecentCases' }],
        settings: {
          language: 'en_US',
          timeZone: TIME_ZONE,
          dateFormat: 'DD.MM.YYYY',
          currency: 'USD',
          tokenLifetimeMinutes: 60,
          idleTimeoutMinutes: 30,
          maxUsers: null,
        },
      });

      accountA.id = await world.createRecord('Account', { name: 'Acme Ltd' });
      const accountB = await world.createRecord('Account', { name: 'Other Corp' });
      contactA.email = `ada-${world.unique()}@customer.example.com`;
      contactA.id = await world.createRecord('Contact', {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: contactA.email,
        accountId: accountA.id,
      });
      readerEmail = `rob-${world.unique()}@customer.example.com`;
      const readerContact = await world.createRecord('Contact', {
        firstName: 'Rob',
        lastName: 'Reader',
        email: readerEmail,
        accountId: accountA.id,
      });
      const otherContact = await world.createRecord('Contact', {
        firstName: 'Otto',
        lastName: 'Other',
        email: `otto-${world.unique()}@other.example.com`,
        accountId: accountB,
      });
      staffCaseId = await world.createRecord('Case', {
        name: 'Printer on fire',
        description: 'Smoke from tray 2.',
        status: 'Assigned',
        priority: 'Urgent',
        accountId: accountA.id,
      });
      await world.createRecord('Case', {
        name: 'Invoice question',
        status: 'New',
        priority: 'Low',
        accountId: accountA.id,
      });
      otherAccountCaseId = await world.createRecord('Case', {
        name: 'Secret of Other Corp',
        status: 'New',
        priority: 'High',
        accountId: accountB,
        contactId: otherContact,
      });
      await world.createRecord('KnowledgeBaseArticle', {
        name: 'Resetting the printer',
        body: 'Hold the power button for ten seconds.',
        status: 'Published',
        portalIds: [portal.id],
      });
      for (const body of [
        { text: 'We are sending a technician.' },
        { text: 'Internal: customer is on probation.', isInternal: true },
      ]) {
        const res = await world.staff('post', `/v1/records/Case/${staffCaseId}/stream`, body);
        if (res.status !== 201) throw new Error(`staff comment: ${res.status} ${res.text}`);
      }

      // The reader accepts an invitation through the API (derived token); Ada gets a real email.
      await world.createPortalUser(readerContact, portal, [reader]);
      await world.sync();
      const invited = await world.staff('post', '/v1/portal-users', {
        contactId: contactA.id,
        portalIds: [portal.id],
        roleIds: [support],
        sendInvitation: true,
      });
      if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${invited.text}`);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('takes an invited customer from the emailed link to a created case with a comment', async () => {
      const link = await emailedLink(contactA.email, 'accept-invitation');
      const { context, page } = await newPage();

      await page.goto(link);
      await shown(page, page.getByRole('heading', { level: 1, name: 'Welcome: choose your password' }));
      // The one-time token leaves the address bar (and history) at once.
      expect(page.url()).toBe(url('accept-invitation'));
      await screenshot(page, 'accept-invitation');

      // A password the API refuses: its problem document is shown, at the form and the field.
      await page.getByLabel('New password').fill('aaaaaaaaaaaa');
      await page.getByLabel('Repeat the password').fill('aaaaaaaaaaaa');
      await page.getByRole('button', { name: 'Set password and continue' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      // In the catalogue's words, not the API's English.
      expect(await alert.innerText()).toMatch(
        /New password: The password must not be one character repeated/,
      );
      expect(await page.getByLabel('New password').getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('New password').fill(CUSTOMER_PASSWORD);
      await page.getByLabel('Repeat the password').fill(CUSTOMER_PASSWORD);
      await page.getByRole('button', { name: 'Set password and continue' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Dashboard' }));

      // The portal's name, its tabs and nothing it hides.
      expect(await page.locator('.brand-name').innerText()).toBe(`Portal ${portal.slug}`);
      const tabs = page.getByRole('navigation', { name: 'Portal sections' }).getByRole('link');
      expect(await tabs.allInnerTexts()).toEqual(['Dashboard', 'Cases', 'Knowledge base']);
      await shown(page, page.getByRole('heading', { level: 2, name: 'Open cases by priority' }));
      await screenshot(page, 'dashboard');

      await tabs.filter({ hasText: 'Cases' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Cases' }));
      const rows = page.locator('table.records tbody tr');
      expect(await rows.locator('th').allInnerTexts()).toEqual(['Invoice question', 'Printer on fire']);
      expect(await page.locator('table.records').innerText()).not.toContain('Secret of Other Corp');

      // Sorting by a column goes through the API's sort and shows in the URL.
      await page.getByRole('link', { name: 'Sort by Name' }).click();
      await page.waitForURL(/sort=name&order=asc/);
      await page.locator('th[aria-sort="ascending"]').waitFor();
      expect(await rows.locator('th').allInnerTexts()).toEqual(['Invoice question', 'Printer on fire']);
      await page.getByRole('link', { name: 'Sort by Name' }).click();
      await page.waitForURL(/order=desc/);
      await page.locator('th[aria-sort="descending"]').waitFor();
      expect(await rows.locator('th').allInnerTexts()).toEqual(['Printer on fire', 'Invoice question']);
      await screenshot(page, 'case-list');

      await page.getByRole('link', { name: 'New Case' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'New Case' }));
      // No name: the form says so beside the field before asking the API (which would refuse it too).
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByLabel(/^Name/).getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel(/^Name/).fill('Scanner jams');
      await page.getByLabel('Description').fill('Every third page.');
      await page.getByLabel(/^Priority/).selectOption('High');
      await screenshot(page, 'case-create');
      await page.getByRole('button', { name: 'Create' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Scanner jams' }));
      const caseId = /records\/Case\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
      expect(caseId).toBeDefined();

      const details = page.locator('dl.details');
      expect(await details.innerText()).toMatch(/Status\s+New/);
      expect(await details.innerText()).toMatch(/Priority\s+High/);
      // Status is read-only for this role: shown, never offered in the edit form.
      await shown(page, page.getByRole('heading', { level: 2, name: 'Change details' }));
      expect(await page.locator('form [name="status"]').count()).toBe(0);
      expect(await page.locator('form [name="name"]').count()).toBe(1);

      await page.getByLabel(/^Add a comment/).fill('It happens with both trays.');
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page.getByText('Your comment is posted.').waitFor();
      expect(await page.locator('.comment-text').allInnerTexts()).toEqual(['It happens with both trays.']);
      expect(await page.locator('.comment-author').allInnerTexts()).toEqual(['Ada Lovelace']);
      await screenshot(page, 'case-record');

      // Everything went through the API: staff see the case linked to Ada and her comment.
      await world.sync();
      const staffView = await world.staff('get', `/v1/records/Case/${caseId}`);
      expect(staffView.json).toMatchObject({
        name: 'Scanner jams',
        priority: 'High',
        status: 'New',
        accountId: accountA.id,
        contactId: contactA.id,
      });
      const comments = await world.staff('get', `/v1/records/Case/${caseId}/stream`);
      expect(JSON.stringify(comments.json)).toContain('It happens with both trays.');
      await context.close();
    });

    it('shows a staff case with its public comments only, times in the portal zone and format', async () => {
      const { context, page } = await newPage();
      await logIn(page, contactA.email, CUSTOMER_PASSWORD);
      await page.goto(url(`records/Case/${staffCaseId}`));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Printer on fire' }));
      expect(await page.locator('.comment-text').allInnerTexts()).toEqual(['We are sending a technician.']);
      expect(await page.content()).not.toContain('probation');

      const staffView = await world.staff('get', `/v1/records/Case/${staffCaseId}`);
      expect(await page.getByRole('heading', { name: 'Change details' }).count()).toBe(1);
      const created = page.locator('dl.details dt:text-is("Created") + dd time');
      expect(await created.getAttribute('datetime')).toBe(staffView.json.createdAt);
      expect(await created.innerText()).toBe(portalTime(staffView.json.createdAt as string));

      // Paging: one case a page, oldest first; the pager walks through them.
      await page.goto(url('records/Case?perPage=1&sort=createdAt&order=asc'));
      await page.getByText('Page 1 of 3 (3 in all)').waitFor();
      const firstColumn = page.locator('table.records tbody th');
      expect(await firstColumn.allInnerTexts()).toEqual(['Printer on fire']);
      await page.getByRole('link', { name: 'Next page' }).click();
      await page.getByText('Page 2 of 3 (3 in all)').waitFor();
      expect(await firstColumn.allInnerTexts()).toEqual(['Invoice question']);
      await page.getByRole('link', { name: 'Next page' }).click();
      await page.getByText('Page 3 of 3 (3 in all)').waitFor();
      expect(await firstColumn.allInnerTexts()).toEqual(['Scanner jams']);
      await page.goBack();
      await page.getByText('Page 2 of 3 (3 in all)').waitFor();

      // The knowledge base: readable, not creatable, not editable, no comments for this role.
      await page.getByRole('link', { name: 'Knowledge base', exact: true }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Knowledge base' }));
      expect(await page.getByRole('link', { name: /^New / }).count()).toBe(0);
      await page.getByRole('link', { name: 'Resetting the printer' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Resetting the printer' }));
      expect(await page.locator('dl.details').innerText()).toContain(
        'Hold the power button for ten seconds.',
      );
      expect(await page.locator('form').count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Comments' }).count()).toBe(0);
      await screenshot(page, 'knowledge-base-article');
      await context.close();
    });

    it('offers no create button, create form or edit form to a user without those rights', async () => {
      const { context, page } = await newPage();
      // Keyboard only: the login form works from Tab and Enter.
      await page.goto(url('login'));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      await page.keyboard.press('Tab');
      expect(await page.locator(':focus').getAttribute('name')).toBe('email');
      await page.keyboard.type(readerEmail);
      await page.keyboard.press('Tab');
      await page.keyboard.type(CUSTOMER_PASSWORD);
      await page.keyboard.press('Enter');
      await shown(page, page.getByRole('heading', { level: 1, name: 'Dashboard' }));

      await page.getByRole('link', { name: 'Cases', exact: true }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Cases' }));
      await page.locator('table.records').waitFor();
      expect(await page.getByRole('link', { name: /^New / }).count()).toBe(0);

      await page.goto(url('records/Case/new'));
      await page.getByText('You may not create these.').waitFor();
      expect(await page.locator('form').count()).toBe(0);

      await page.goto(url(`records/Case/${staffCaseId}`));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Printer on fire' }));
      expect(await page.getByRole('heading', { name: 'Change details' }).count()).toBe(0);
      expect(await page.locator('form [name="name"]').count()).toBe(0);
      await context.close();
    });

    it('answers "not found" for another account\'s case typed into the URL, and for a hidden tab', async () => {
      const { context, page } = await newPage();
      await logIn(page, readerEmail, CUSTOMER_PASSWORD);
      await page.goto(url(`records/Case/${otherAccountCaseId}`));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Not found' }));
      expect(await page.content()).not.toContain('Secret of Other Corp');
      await screenshot(page, 'not-found');

      await page.goto(url('records/Document'));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Not found' }));
      await context.close();
    });

    it('shows the default dashboard, lists and downloads documents, and uploads files to a case with progress', async () => {
      // A portal with no dashboard layout that shows documents; its customer is of Acme.
      const role = await world.createRole({
        name: 'Files',
        scopes: {
          Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' },
          Document: { create: 'no', read: 'account', edit: 'no', delete: 'no' },
          KnowledgeBaseArticle: { create: 'no', read: 'all' },
        },
      });
      const files = await world.createPortal({
        roleIds: [role],
        tabList: ['Case', 'Document', 'KnowledgeBaseArticle'],
        quickCreateList: ['Case'],
      });
      const email = `fay-${world.unique()}@customer.example.com`;
      const contact = await world.createRecord('Contact', {
        firstName: 'Fay',
        lastName: 'Files',
        email,
        accountId: accountA.id,
      });
      const thirdCorp = await world.createRecord('Account', { name: 'Third Corp' });
      await world.createRecord('Case', {
        name: 'Long closed case',
        status: 'Closed',
        accountId: accountA.id,
      });
      const ours = await world.createRecord('Document', {
        name: 'Service contract',
        accountIds: [accountA.id],
      });
      const theirs = await world.createRecord('Document', {
        name: 'Third Corp contract',
        accountIds: [thirdCorp],
      });
      await world.createRecord('KnowledgeBaseArticle', {
        name: 'Sending us logs',
        status: 'Published',
        portalIds: [files.id],
      });
      const contract = pdfOf(3000);
      for (const [id, name] of [
        [ours, 'service-contract.pdf'],
        [theirs, 'third-corp.pdf'],
      ] as const) {
        const form = new FormData();
        form.append('file', new Blob([contract]), name);
        const res = await fetch(`${app.baseUrl}/v1/records/Document/${id}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${world.adminToken}` },
          body: form,
        });
        expect(res.status).toBe(201);
      }
      await world.createPortalUser(contact, files);
      await world.sync();
      const at = (path: string) => `${app.baseUrl}/portal/${files.slug}/${path}`;

      const { context, page } = await newPage();
      await page.goto(at('login'));
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(CUSTOMER_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Dashboard' }));

      // The default blocks, each with only what the user may read.
      const block = (name: string) =>
        page.locator('section.dashlet', { has: page.getByRole('heading', { level: 2, name }) });
      await block('Open cases').waitFor();
      expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
        'Open cases',
        'Recent documents',
        'Latest articles',
      ]);
      const openCases = await block('Open cases').innerText();
      expect(openCases).toContain('Printer on fire');
      expect(openCases).not.toContain('Long closed case');
      expect(openCases).not.toContain('Secret of Other Corp');
      expect(await block('Recent documents').innerText()).toContain('Service contract');
      expect(await block('Recent documents').innerText()).not.toContain('Third Corp');
      expect(await block('Latest articles').innerText()).toContain('Sending us logs');
      await screenshot(page, 'dashboard-default');

      // The Documents tab: our document with its file's facts, downloaded byte for byte; not theirs.
      await page
        .getByRole('navigation', { name: 'Portal sections' })
        .getByRole('link', { name: 'Documents' })
        .click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Documents' }));
      const documents = page.locator('ul.documents');
      expect(await documents.locator('li').count()).toBe(1);
      expect(await documents.innerText()).toMatch(
        /Service contract\s+service-contract\.pdf\s+2\.9 kB · PDF · \d{4}-\d\d-\d\d \d\d:\d\d/,
      );
      expect(await page.content()).not.toContain('Third Corp');
      const [contractDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download service-contract.pdf' }).click(),
      ]);
      expect(contractDownload.suggestedFilename()).toBe('service-contract.pdf');
      expect(sha256(await downloaded(contractDownload))).toBe(sha256(contract));
      await screenshot(page, 'documents');
      await page.goto(at(`records/Document/${theirs}`));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Not found' }));

      // The case page: upload with a progress bar, see it listed, download it back, bytes equal.
      await page.goto(at(`records/Case/${staffCaseId}`));
      await shown(page, page.getByRole('heading', { level: 2, name: 'Files' }));
      await page.evaluate(`(() => {
        window.progressSeen = [];
        new MutationObserver((changes) => {
          for (const change of changes)
            if (change.target.localName === 'progress') window.progressSeen.push(Number(change.target.value));
        }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['value'] });
      })()`);
      const report = pdfOf(1_500_000);
      const uploadForm = page.locator('form.upload-form');
      await uploadForm.getByLabel('Attach files').setInputFiles({
        name: 'report.pdf',
        mimeType: 'application/pdf',
        buffer: report,
      });
      await uploadForm.getByRole('button', { name: 'Upload' }).click();
      await page.getByText('Attached: report.pdf.').waitFor();
      expect(Math.max(...(await page.evaluate<number[]>('window.progressSeen')))).toBe(100);
      const listed = page.locator('.files-section ul.files li');
      expect(await listed.locator('.file-name').allInnerTexts()).toEqual(['report.pdf']);
      expect(await listed.innerText()).toMatch(/1\.4 MB · PDF ·/);
      expect(await listed.innerText()).toContain('Added by Fay Files');
      const [reportDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download report.pdf' }).click(),
      ]);
      expect(sha256(await downloaded(reportDownload))).toBe(sha256(report));
      await screenshot(page, 'case-files');

      // The API's refusals in plain words: too large (413), a disguised type (415).
      for (const [file, words] of [
        [
          { name: 'huge.pdf', mimeType: 'application/pdf', buffer: pdfOf(2_500_000) },
          /huge\.pdf: This file is too large/,
        ],
        [
          {
            name: 'invoice.pdf',
            mimeType: 'application/pdf',
            buffer: Buffer.from('<html><script>x</script></html>'),
          },
          /invoice\.pdf: Files of this type cannot be uploaded/,
        ],
      ] as const) {
        await uploadForm.getByLabel('Attach files').setInputFiles(file);
        await uploadForm.getByRole('button', { name: 'Upload' }).click();
        await expect(uploadForm.getByRole('alert').innerText()).resolves.toMatch(words);
      }
      expect(await listed.locator('.file-name').allInnerTexts()).toEqual(['report.pdf']);

      // A file with a comment: uploaded to the case, then posted with the comment (shown under it).
      const commentForm = page.locator('.comments-section form');
      await commentForm.getByLabel(/^Add a comment/).fill('The log is attached.');
      await commentForm.getByLabel('Attach files').setInputFiles({
        name: 'log.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('tray 2: jam at 10:04\n'),
      });
      await commentForm.getByRole('button', { name: 'Post comment' }).click();
      await page.getByText('Your comment is posted.').waitFor();
      expect(await listed.locator('.file-name').allInnerTexts()).toEqual(['report.pdf', 'log.txt']);
      const posted = page.locator('.comment', { hasText: 'The log is attached.' });
      expect(await posted.locator('.file-name').allInnerTexts()).toEqual(['log.txt']);

      // Staff see the customer's files on the case, with who uploaded them.
      await world.sync();
      const staffFiles = await world.staff('get', `/v1/records/Case/${staffCaseId}/attachments`);
      expect(
        (staffFiles.json.items as { name: string; sha256: string; commentId: string | null }[]).map((f) => [
          f.name,
          f.sha256,
          f.commentId !== null,
        ]),
      ).toEqual([
        ['report.pdf', sha256(report), false],
        ['log.txt', sha256(Buffer.from('tray 2: jam at 10:04\n')), true],
      ]);

      // A file on the create form: the case is created, then the file attached to it.
      await page.goto(at('records/Case/new'));
      await shown(page, page.getByRole('heading', { level: 1, name: 'New Case' }));
      await page.getByLabel(/^Name/).fill('Screen flickers');
      await page.getByLabel('Attach files').setInputFiles({
        name: 'screen.pdf',
        mimeType: 'application/pdf',
        buffer: pdfOf(5000),
      });
      await page.getByRole('button', { name: 'Create' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Screen flickers' }));
      await page.getByText('Created. You can follow it here.').waitFor();
      expect(await page.locator('ul.files .file-name').allInnerTexts()).toEqual(['screen.pdf']);

      // The new parts at a 360 px phone width: nothing scrolls sideways.
      await page.setViewportSize({ width: 360, height: 740 });
      const overflow: Record<string, number> = {};
      for (const [name, path, heading] of [
        ['dashboard', 'dashboard', 'Dashboard'],
        ['documents', 'records/Document', 'Documents'],
        ['case with files', `records/Case/${staffCaseId}`, 'Printer on fire'],
      ] as const) {
        await page.goto(at(path));
        await shown(page, page.getByRole('heading', { level: 1, name: heading }));
        await page.locator('.dashlet, .document, .file').first().waitFor();
        overflow[name] = await horizontalOverflow(page);
      }
      await screenshot(page, 'case-files-phone');
      expect(overflow).toEqual({ dashboard: 0, documents: 0, 'case with files': 0 });
      await context.close();
    }, 120_000);

    it('ends an idle session at the portal idle timeout and says why on the login page', async () => {
      const { context, page } = await newPage();
      await page.clock.install();
      await logIn(page, readerEmail, CUSTOMER_PASSWORD);
      expect(await page.evaluate<number>('sessionStorage.length')).toBe(1);

      await page.clock.fastForward('20:00');
      await page.getByRole('link', { name: 'Cases', exact: true }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Cases' }));

      // 30 minutes without a request: the API ends the session, and so does the page.
      await page.clock.fastForward('31:00');
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      expect(await page.getByRole('status').innerText()).toMatch(/inactive for a while/);
      expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
      await screenshot(page, 'login-after-idle');
      await context.close();
    });

    it('goes to the login page when the API ends the session, and logs out for good', async () => {
      const { context, page } = await newPage();
      await logIn(page, readerEmail, CUSTOMER_PASSWORD);
      const token = await storedToken(page);

      // Ended elsewhere (a logout in another tab): the next request answers 401.
      const ended = await app.http.post(`/v1/portals/${portal.slug}/auth/logout`, undefined, { token });
      expect(ended.status).toBe(204);
      await page.getByRole('link', { name: 'Cases', exact: true }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      expect(await page.getByRole('status').innerText()).toMatch(/Your session has ended/);

      await logIn(page, readerEmail, CUSTOMER_PASSWORD);
      const second = await storedToken(page);
      await page.getByRole('link', { name: 'Log out' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      expect(await page.getByRole('status').innerText()).toBe('You have logged out.');
      expect((await app.http.get(`/v1/portals/${portal.slug}/me`, { token: second })).status).toBe(401);
      // Going back does not show the portal again.
      await page.goto(url('records/Case'));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      await screenshot(page, 'login');
      await context.close();
    });

    it('resets a forgotten password through the emailed link', async () => {
      const { context, page } = await newPage();
      await page.goto(url('login'));
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Forgot your password' }));
      await page.getByLabel('Email').fill(readerEmail);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByText(/an email with a link is on its way/).waitFor();
      // The form is gone; focus went to the news, not to <body>.
      expect(await page.evaluate('document.activeElement.textContent')).toMatch(/is on its way/);

      await page.goto(await emailedLink(readerEmail, 'reset-password'));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Choose a new password' }));
      expect(page.url()).toBe(url('reset-password'));
      await page.getByLabel('New password').fill(NEW_PASSWORD);
      await page.getByLabel('Repeat the password').fill(`${NEW_PASSWORD}x`);
      await page.getByRole('button', { name: 'Save the new password' }).click();
      expect(await page.getByRole('alert').innerText()).toMatch(/not the same/);
      await page.getByLabel('Repeat the password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      expect(await page.getByRole('status').innerText()).toMatch(/password has been changed/);
      // The login page opened with news: focus is on it, so it is read out first.
      expect(await page.evaluate('document.activeElement.getAttribute("role")')).toBe('status');

      await page.getByLabel('Email').fill(readerEmail);
      await page.getByLabel('Password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'Dashboard' }));

      await page.getByRole('link', { name: 'Rob Reader' }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: 'My profile' }));
      await page.getByLabel('Phone').fill('+1 555 0100');
      await page.getByRole('button', { name: 'Save my profile' }).click();
      await page.getByText('Your profile is saved.').waitFor();
      expect(await page.getByLabel('Phone').inputValue()).toBe('+1 555 0100');
      await screenshot(page, 'profile');
      await context.close();
    });

    it('shows the portal before logging in, and says so when a portal does not exist or is inactive', async () => {
      // A fresh browser: nothing remembered from an earlier login, so the name comes from GET /public.
      const branded = await world.createPortal({
        name: 'Acme Customer Care',
        settings: { language: 'de_DE' },
        branding: { logoUrl: `${app.baseUrl}/portal-assets/acme-logo.png`, companyName: 'Acme Ltd' },
      });
      const inactive = await world.createPortal({ name: 'Closed Portal', isActive: false });
      await world.sync();
      const { context, page } = await newPage();
      const brandName = page.locator('.brand-name');

      await page.goto(url('login'));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Log in' }));
      await page.locator('.brand-name', { hasText: `Portal ${portal.slug}` }).waitFor();
      expect(await page.title()).toBe(`Log in – Portal ${portal.slug}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
      expect(await page.locator('form [name="email"]').count()).toBe(1);
      await screenshot(page, 'login-before-session');

      // A German portal: German pages, declared as German.
      await page.goto(`${app.baseUrl}/portal/${branded.slug}/forgot-password`);
      await shown(page, page.getByRole('heading', { level: 1, name: 'Passwort vergessen' }));
      expect(await brandName.innerText()).toBe('Acme Customer Care');
      expect(await page.title()).toBe('Passwort vergessen – Acme Customer Care');
      expect(await page.locator('html').getAttribute('lang')).toBe('de-DE');
      const logo = page.locator('img.brand-logo');
      expect(await logo.getAttribute('src')).toBe(`${app.baseUrl}/portal-assets/acme-logo.png`);
      expect(await logo.getAttribute('alt')).toBe('Logo von Acme Customer Care');

      for (const slug of [`no-such-portal-${world.unique()}`, inactive.slug]) {
        for (const path of ['login', 'accept-invitation?token=x', 'reset-password?token=x']) {
          await page.goto(`${app.baseUrl}/portal/${slug}/${path}`);
          await shown(page, page.getByRole('heading', { level: 1, name: 'This portal is not available' }));
          expect(await page.getByRole('alert').innerText()).toMatch(
            /This portal does not exist or is not available/,
          );
          expect(await page.locator('form').count()).toBe(0);
          expect(await brandName.innerText()).toBe('Customer portal');
          expect(await page.content()).not.toContain('Closed Portal');
        }
      }
      await screenshot(page, 'portal-unavailable');
      await context.close();
    });

    it("shows the API's refusal of a bad email confirmation link", async () => {
      const { context, page } = await newPage();
      await page.goto(url('confirm-email?token=not-a-real-token'));
      await shown(page, page.getByRole('heading', { level: 1, name: 'Confirm your new email address' }));
      expect(page.url()).toBe(url('confirm-email'));
      await page.getByRole('button', { name: 'Confirm my email address' }).click();
      expect(await page.getByRole('alert').innerText()).toMatch(/not valid/);

      await page.goto(url('confirm-email'));
      expect(await page.getByRole('alert').innerText()).toMatch(/link is incomplete/);
      await context.close();
    });
  },
);
