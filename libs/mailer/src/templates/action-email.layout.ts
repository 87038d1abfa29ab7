import { brandColor, logoUrl } from './branding';
import { escapeHtml } from './html-escape';
import type { ActionEmailMessages } from './messages/mail-messages';
import { interpolate, messagesFor } from './messages/catalogue';
import type { EmailContext, RenderedEmail } from './rendered-email';

export function formatExpiry(expiresAt: string, locale: string, timeZone: string | undefined): string {
  const date = new Date(expiresAt);
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone ?? 'UTC' }).format(date);
  } catch {
    // An unknown time zone in the portal settings must not stop the email.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  }
}

/** One call to action (a link with a token) in text and HTML, in the portal's name and colours. */
export function renderActionEmail(
  words: ActionEmailMessages,
  context: EmailContext,
  extra: Record<string, string> = {},
): RenderedEmail {
  const common = messagesFor(context.locale);
  const name = [context.recipient.firstName, context.recipient.lastName].filter(Boolean).join(' ');
  const values = {
    portal: context.portal.name,
    name,
    expiresAt: formatExpiry(context.expiresAt, context.locale, context.portal.timeZone),
    ...extra,
  };
  const say = (template: string) => interpolate(template, values);
  const greeting = name ? say(common.greeting) : common.greetingWithoutName;
  const paragraphs = [say(words.intro), say(words.expiry), say(words.ignore)];

  const text = [
    greeting,
    '',
    say(words.intro),
    '',
    `${say(words.action)}:`,
    context.link,
    '',
    say(words.expiry),
    say(words.ignore),
    '',
    '-- ',
    say(common.signature),
    '',
  ].join('\n');

  const color = brandColor(context.portal.branding?.primaryColor);
  const logo = logoUrl(context.portal.branding?.logoUrl);
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${e(context.locale)}">
<head><meta charset="utf-8"><title>${e(say(words.subject))}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#18181b">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px">
<tr><td>
${logo ? `<img src="${e(logo)}" alt="${e(context.portal.name)}" style="max-height:48px">` : `<p style="font-size:18px;font-weight:bold;color:${color}">${e(context.portal.name)}</p>`}
<h1 style="font-size:20px;color:${color}">${e(say(words.heading))}</h1>
<p>${e(greeting)}</p>
<p>${e(paragraphs[0]!)}</p>
<p><a href="${e(context.link)}" style="display:inline-block;padding:12px 20px;background:${color};color:#ffffff;text-decoration:none;border-radius:4px">${e(say(words.action))}</a></p>
<p style="font-size:13px;color:#52525b">${e(common.linkFallback)}<br><a href="${e(context.link)}">${e(context.link)}</a></p>
<p style="font-size:13px;color:#52525b">${e(paragraphs[1]!)}<br>${e(paragraphs[2]!)}</p>
<p>${e(say(common.signature))}</p>
</td></tr>
</table>
</body>
</html>
`;
  return { subject: say(words.subject), text, html };
}
