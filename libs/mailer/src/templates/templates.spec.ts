import { caseStatusChangedEmail } from './case-status-changed.template';
import { emailChangeEmail } from './email-change.template';
import { invitationEmail } from './invitation.template';
import { passwordResetEmail } from './password-reset.template';
import type { EmailContext } from './rendered-email';

const context: EmailContext = {
  portal: {
    name: 'Acme <Support>',
    slug: 'acme',
    timeZone: 'Europe/Berlin',
    branding: { primaryColor: '#ff0000' },
  },
  recipient: { firstName: 'Ann', lastName: 'Lee' },
  locale: 'en',
  link: 'https://portal.example.com/portal/acme/accept-invitation?token=abc_DEF-1&x=1',
  expiresAt: '2026-01-08T12:00:00.000Z',
};

describe('invitation template', () => {
  const email = invitationEmail(context);

  it('names the portal in the subject and greets the user in the text part', () => {
    expect(email.subject).toBe('You are invited to Acme <Support>');
    expect(email.text).toContain('Hello Ann Lee,');
    expect(email.text).toContain('You have been invited to Acme <Support>.');
    expect(email.text).toContain(context.link);
  });

  it('states the expiry in the portal time zone', () => {
    expect(email.text).toMatch(/expires on January 8, 2026 at 1:00\s?PM GMT\+1/);
  });

  it('escapes names and links in the HTML part and uses the brand colour', () => {
    expect(email.html).toContain('Acme &lt;Support&gt;');
    expect(email.html).not.toContain('Acme <Support>');
    expect(email.html).toContain(
      'href="https://portal.example.com/portal/acme/accept-invitation?token=abc_DEF-1&amp;x=1"',
    );
    expect(email.html).toContain('background:#ff0000');
  });

  it('ignores branding that is not a plain colour or an https logo', () => {
    const html = invitationEmail({
      ...context,
      portal: {
        ...context.portal,
        branding: { primaryColor: 'red;position:fixed', logoUrl: 'javascript:alert(1)' },
      },
    }).html;
    expect(html).not.toContain('position:fixed');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('background:#2563eb');
    const withLogo = invitationEmail({
      ...context,
      portal: { ...context.portal, branding: { logoUrl: 'https://cdn.example.com/logo.png' } },
    }).html;
    expect(withLogo).toContain('<img src="https://cdn.example.com/logo.png"');
  });

  it('greets without a name when the user has none', () => {
    expect(invitationEmail({ ...context, recipient: {} }).text.startsWith('Hello,\n')).toBe(true);
  });
});

describe('password reset and email change templates', () => {
  it('asks to choose a new password', () => {
    const email = passwordResetEmail(context);
    expect(email.subject).toBe('Reset your Acme <Support> password');
    expect(email.text).toContain('Choose a new password:');
  });

  it('names the new address to confirm', () => {
    const email = emailChangeEmail({ ...context, newEmail: 'ann.new@example.com' });
    expect(email.subject).toBe('Confirm your new email address for Acme <Support>');
    expect(email.text).toContain('use ann.new@example.com from now on');
    expect(email.html).toContain('Confirm this address');
  });
});

describe('templates in the portal language', () => {
  const expiresAt = '2026-01-08T12:00:00.000Z';
  const cases = [
    {
      locale: 'de',
      invitation: 'Sie sind zu Acme <Support> eingeladen',
      expiry: /gültig bis 8\. Januar 2026 um 13:00/,
      reset: 'Ihr Passwort für Acme <Support> zurücksetzen',
      change: 'Bestätigen Sie Ihre neue E-Mail-Adresse für Acme <Support>',
      status: 'Ihre Anfrage „Drucker“ hat jetzt den Status Geschlossen',
    },
    {
      locale: 'fr',
      invitation: 'Vous êtes invité sur Acme <Support>',
      expiry: /expire le 8 janvier 2026 à 13:00/,
      reset: 'Réinitialisez votre mot de passe Acme <Support>',
      change: 'Confirmez votre nouvelle adresse e-mail pour Acme <Support>',
      status: 'Votre demande « Drucker » est maintenant : Fermée',
    },
    {
      locale: 'es',
      invitation: 'Le han invitado a Acme <Support>',
      expiry: /caduca el 8 de enero de 2026/,
      reset: 'Restablezca su contraseña de Acme <Support>',
      change: 'Confirme su nueva dirección de correo para Acme <Support>',
      status: 'Su caso «Drucker» está ahora en estado Cerrado',
    },
  ];

  it.each(cases)(
    'writes the invitation, reset, email change and case status emails in $locale',
    (expected) => {
      const localized = { ...context, locale: expected.locale, expiresAt };
      const invitation = invitationEmail(localized);
      expect(invitation.subject).toBe(expected.invitation);
      expect(invitation.text).toMatch(expected.expiry);
      expect(invitation.html).toContain(`<html lang="${expected.locale}">`);
      expect(passwordResetEmail(localized).subject).toBe(expected.reset);
      expect(emailChangeEmail({ ...localized, newEmail: 'ann@example.com' }).subject).toBe(expected.change);
      const status = caseStatusChangedEmail({
        portal: context.portal,
        recipient: context.recipient,
        locale: expected.locale,
        link: context.link,
        caseName: 'Drucker',
        status: 'Closed',
      });
      expect(status.subject).toBe(expected.status);
    },
  );
});

describe('case statuses in the portal language', () => {
  const base = {
    portal: { name: 'Acme', slug: 'acme' },
    recipient: { firstName: 'Ann' },
    locale: 'de',
    link: 'https://portal.example.com/portal/acme/records/Case/c1',
    caseName: 'Drucker',
  };

  it('names a built-in status in the language and a status of the CRM’s own as it is', () => {
    expect(caseStatusChangedEmail({ ...base, status: 'Pending' }).text).toContain('auf Ausstehend geändert');
    expect(caseStatusChangedEmail({ ...base, status: 'Waiting on vendor' }).subject).toBe(
      'Ihre Anfrage „Drucker“ hat jetzt den Status Waiting on vendor',
    );
  });
});
