import type { Browser } from 'playwright-core';
import { CUSTOMER_PASSWORD, PortalWorld } from './portal-world';
import { startTestApp, type TestApp } from './support';
import {
  awaitEmail,
  axeViolations,
  buildWebPages,
  CHROMIUM,
  emailsTo,
  hasChromium,
  launchChromium,
  PHONE,
  screenshot,
  shown,
} from './support/web-browser';

// A portal set to German, French or Spanish speaks it: its pages (declared with a matching `lang`)
// and its emails (invitation, password reset, case status), through the whole service.

const QUIET_MAILER = {
  log: () => undefined,
  warn: (message: string) => console.warn(`[mailer] ${message}`),
  error: (message: string) => console.error(`[mailer] ${message}`),
};

if (!hasChromium) {
  console.warn(`web portal language tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}
// Skipped when Chromium, the browser these tests drive, is not installed (the warning above says so).
const suite = hasChromium ? describe : describe.skip;

/** What each language must show; {portal} and {case} are filled in by the test. */
const LANGUAGES = [
  {
    setting: 'de_DE',
    loginSubmit: 'Anmelden',
    lang: 'de-DE',
    login: 'Anmelden',
    emailRequired: 'E-Mail-Adresse: Bitte füllen Sie dieses Feld aus.',
    dashboard: 'Übersicht',
    tabs: ['Übersicht', 'Anfragen'],
    forgot: 'Passwort vergessen',
    forgotSubmit: 'Link senden',
    forgotSent: /ist eine E-Mail mit einem Link unterwegs/,
    invitationSubject: 'Sie sind zu {portal} eingeladen',
    resetSubject: 'Ihr Passwort für {portal} zurücksetzen',
    statusSubject: 'Ihre Anfrage „{case}“ hat jetzt den Status Geschlossen',
    newStatus: 'Neu',
  },
  {
    setting: 'fr_FR',
    loginSubmit: 'Se connecter',
    lang: 'fr-FR',
    login: 'Connexion',
    emailRequired: 'Adresse e-mail : Veuillez remplir ce champ.',
    dashboard: 'Tableau de bord',
    tabs: ['Tableau de bord', 'Demandes'],
    forgot: 'Mot de passe oublié',
    forgotSubmit: 'Envoyer le lien',
    forgotSent: /un e-mail contenant un lien est en route/,
    invitationSubject: 'Vous êtes invité sur {portal}',
    resetSubject: 'Réinitialisez votre mot de passe {portal}',
    statusSubject: 'Votre demande « {case} » est maintenant : Fermée',
    newStatus: 'Nouvelle',
  },
  {
    setting: 'es_ES',
    loginSubmit: 'Iniciar sesión',
    lang: 'es-ES',
    login: 'Iniciar sesión',
    emailRequired: 'Correo electrónico: Rellene este campo.',
    dashboard: 'Panel',
    tabs: ['Panel', 'Casos'],
    forgot: 'Ha olvidado su contraseña',
    forgotSubmit: 'Enviar el enlace',
    forgotSent: /le hemos enviado un correo con un enlace/,
    invitationSubject: 'Le han invitado a {portal}',
    resetSubject: 'Restablezca su contraseña de {portal}',
    statusSubject: 'Su caso «{case}» está ahora en estado Cerrado',
    newStatus: 'Nuevo',
  },
];

suite(
  hasChromium
    ? 'customer web portal in the portal language (headless Chromium)'
    : `customer web portal languages: SKIPPED, ${CHROMIUM} missing`,
  () => {
    let app: TestApp;
    let world: PortalWorld;
    let browser: Browser;

    beforeAll(async () => {
      [app, browser] = await Promise.all([
        // No coalescing window: the status email is checked as soon as the change is made.
        startTestApp({ mailer: true, mailerOptions: { logger: QUIET_MAILER, coalesceWindowMs: 0 } }),
        launchChromium(),
        buildWebPages(),
      ]);
      world = await PortalWorld.start(app);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it.each(LANGUAGES)('shows $setting pages and sends $setting emails', async (language) => {
      const role = await world.createRole({
        name: `Support ${language.setting}`,
        scopes: {
          Case: { create: 'yes', read: 'account', edit: 'account', delete: 'no', stream: 'account' },
        },
        fields: {},
      });
      const portal = await world.createPortal({
        tabList: ['Case'],
        dashboardLayout: [{ dashlet: 'RecentCases' }],
        settings: { language: language.setting, timeZone: 'Europe/Paris', dateFormat: 'DD.MM.YYYY' },
      });
      const portalName = `Portal ${portal.slug}`;
      const account = await world.createRecord('Account', { name: `Client ${language.setting}` });
      const email = `client-${world.unique()}@customer.example.com`;
      const contact = await world.createRecord('Contact', {
        firstName: 'Camille',
        lastName: 'Martin',
        email,
        accountId: account,
      });
      const caseName = `Imprimante ${language.setting}`;
      const caseId = await world.createRecord('Case', {
        name: caseName,
        status: 'New',
        priority: 'Normal',
        accountId: account,
        // The customer is the case's contact, so follows it: status emails go to followers only.
        contactId: contact,
      });
      await world.createPortalUser(contact, portal, [role]);

      // The invitation email, in the portal's language.
      const invitation = await awaitEmail(app, email, /accept-invitation\?token=/);
      expect(invitation.email.headers.get('subject')).toBe(
        language.invitationSubject.replace('{portal}', portalName),
      );
      const html = invitation.email.parts.find((part) => part.contentType.startsWith('text/html'));
      expect(html?.body).toContain(`<html lang="${language.setting.slice(0, 2)}">`);

      const context = await browser.newContext({ viewport: PHONE, locale: 'en-US' });
      const page = await context.newPage();
      const url = (path: string) => `${app.baseUrl}/portal/${portal.slug}/${path}`;

      // The pages: the portal's language whatever the browser's, with `lang` saying so.
      await page.goto(url('login'));
      await shown(page, page.getByRole('heading', { level: 1, name: language.login }));
      expect(await page.locator('html').getAttribute('lang')).toBe(language.lang);
      await page.getByRole('button', { name: language.loginSubmit }).click();
      expect(await page.getByRole('alert').getByRole('link').first().innerText()).toBe(
        language.emailRequired,
      );
      await screenshot(page, `${language.setting}-login-errors`);
      await page.locator('form [name="email"]').fill(email);
      await page.locator('form [name="password"]').fill(CUSTOMER_PASSWORD);
      await page.getByRole('button', { name: language.loginSubmit }).click();
      await shown(page, page.getByRole('heading', { level: 1, name: language.dashboard }));
      expect(await page.locator('html').getAttribute('lang')).toBe(language.lang);
      const tabs = page.locator('nav.tabs a');
      expect(await tabs.allInnerTexts()).toEqual(language.tabs);
      // The case's status, a value the API keeps in English, in the portal's words.
      expect(await page.locator('.dashlet-list .badge').allInnerTexts()).toEqual([language.newStatus]);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${language.setting}-dashboard`);

      // The password reset email, asked for on the (translated) page.
      await page.goto(url('forgot-password'));
      await shown(page, page.getByRole('heading', { level: 1, name: language.forgot }));
      await page.locator('form [name="email"]').fill(email);
      await page.getByRole('button', { name: language.forgotSubmit }).click();
      await page.getByText(language.forgotSent).waitFor();
      const reset = await awaitEmail(app, email, /reset-password\?token=/);
      expect(reset.email.headers.get('subject')).toBe(language.resetSubject.replace('{portal}', portalName));
      await context.close();

      // A case status change, told in the portal's language.
      const closed = await world.staff('patch', `/v1/records/Case/${caseId}`, { status: 'Closed' });
      expect(closed.status).toBe(200);
      const status = await awaitEmail(app, email, new RegExp(`records/Case/${caseId}`));
      expect(status.email.headers.get('subject')).toBe(language.statusSubject.replace('{case}', caseName));
      // Nothing of it went out in English.
      const subjects = (await emailsTo(app, email)).map((eml) => eml.headers.get('subject'));
      expect(subjects.filter((subject) => /invited|Reset your|is now/.test(subject ?? ''))).toEqual([]);
    });
  },
);
