import { brandColor, logoUrl } from './branding';
import { escapeHtml } from './html-escape';
import { interpolate, messagesFor } from './messages/catalogue';
import type { CaseEmailMessages } from './messages/mail-messages';
import type { CaseEmailContext, RenderedEmail } from './rendered-email';

/** A case's name is typed by people: it must not break the Subject header onto a new line. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

/**
 * A notice about a case in text and HTML, in the portal's name and colours: what happened, an
 * optional quoted texts (replies), and a link to the case's page (no token: the user signs in).
 */
export function renderCaseEmail(
  words: CaseEmailMessages,
  context: CaseEmailContext,
  extra: { status?: string; quotes?: readonly string[] } = {},
): RenderedEmail {
  const common = messagesFor(context.locale);
  const name = [context.recipient.firstName, context.recipient.lastName].filter(Boolean).join(' ');
  const values: Record<string, string> = {
    portal: context.portal.name,
    name,
    case: context.caseName === undefined ? '' : oneLine(context.caseName),
    status: extra.status === undefined ? '' : oneLine(extra.status),
  };
  const say = (template: string) => interpolate(template, values);
  const named = context.caseName !== undefined;
  const subject = oneLine(say(named ? words.subject : words.subjectWithoutName));
  const greeting = name ? say(common.greeting) : common.greetingWithoutName;
  const intro = say(named ? words.intro : words.introWithoutName);
  const footer = say(common.caseFooter);
  // Several replies (a coalesced email) are quoted one after the other, a blank quoted line apart.
  const quoted = (extra.quotes ?? []).map((q) => q.replace(/\r\n?/g, '\n').split('\n'));
  const quoteLines = quoted.flatMap((lines, i) => (i === 0 ? lines : ['', ...lines]));

  const text = [
    greeting,
    '',
    intro,
    ...(quoteLines.length > 0 ? ['', ...quoteLines.map((line) => `> ${line}`)] : []),
    '',
    `${say(words.action)}:`,
    context.link,
    '',
    '-- ',
    say(common.signature),
    footer,
    '',
  ].join('\n');

  const color = brandColor(context.portal.branding?.primaryColor);
  const logo = logoUrl(context.portal.branding?.logoUrl);
  const e = escapeHtml;
  const quote =
    quoteLines.length > 0
      ? `<blockquote style="margin:16px 0;padding:8px 16px;border-left:4px solid ${color};background:#f4f4f5">${quoteLines.map(e).join('<br>')}</blockquote>\n`
      : '';
  const html = `<!doctype html>
<html lang="${e(context.locale)}">
<head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#18181b">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px">
<tr><td>
${logo ? `<img src="${e(logo)}" alt="${e(context.portal.name)}" style="max-height:48px">` : `<p style="font-size:18px;font-weight:bold;color:${color}">${e(context.portal.name)}</p>`}
<h1 style="font-size:20px;color:${color}">${e(say(words.heading))}</h1>
<p>${e(greeting)}</p>
<p>${e(intro)}</p>
${quote}<p><a href="${e(context.link)}" style="display:inline-block;padding:12px 20px;background:${color};color:#ffffff;text-decoration:none;border-radius:4px">${e(say(words.action))}</a></p>
<p style="font-size:13px;color:#52525b">${e(common.linkFallback)}<br><a href="${e(context.link)}">${e(context.link)}</a></p>
<p>${e(say(common.signature))}</p>
<p style="font-size:12px;color:#71717a">${e(footer)}</p>
</td></tr>
</table>
</body>
</html>
`;
  return { subject, text, html };
}
