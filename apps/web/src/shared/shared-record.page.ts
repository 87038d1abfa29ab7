import type { ApiSchema } from '../api/api-types.js';
import { commentList } from '../components/comment-thread.js';
import { append, el, replaceChildren } from '../dom/element.js';
import { DateTimeFormat } from '../format/date-time-format.js';
import { fieldValue } from '../format/field-value.js';
import { fileSize } from '../format/file-size.js';
import { messagesFor, shownLanguageTag, translator, type Translate } from '../i18n/catalogue.js';
import type { Messages } from '../i18n/en.js';
import { entitySingular, fieldLabel, optionLabel } from '../i18n/labels.js';
import { displayedFields } from '../records/entity-fields.js';

export type SharedRecord = ApiSchema<'SharedRecord'>;

/** Staff links come from no portal: the service's own look, English, UTC. */
const NEUTRAL = { name: '', language: 'en_US', timeZone: 'UTC', dateFormat: 'YYYY-MM-DD', branding: null };
const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Only https logos (or this site's); anything else (javascript:, data:) is ignored. */
function safeLogo(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'https:' || parsed.origin === window.location.origin ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The portal's name and logo, as text and image only: no link leads into the portal from here. */
function header(t: Translate, from: SharedRecord['sharedFrom']): HTMLElement {
  const name = from?.branding.companyName || from?.name || t('app.title');
  const logo = safeLogo(from?.branding.logoUrl);
  return el(
    'header',
    { class: 'site-header' },
    el(
      'span',
      { class: 'brand' },
      logo ? el('img', { src: logo, alt: t('app.logoAlt', { name }), class: 'brand-logo' }) : null,
      el('span', { class: 'brand-name' }, name),
    ),
  );
}

function details(t: Translate, messages: Messages, dates: DateTimeFormat, record: Record<string, unknown>) {
  const list = el('dl', { class: 'details' });
  const fields = displayedFields(record).filter(
    (f) => f !== 'name' && f !== 'createdAt' && f !== 'modifiedAt',
  );
  for (const field of [...fields, 'createdAt', 'modifiedAt']) {
    if (!(field in record)) continue;
    list.append(
      el('dt', {}, fieldLabel(messages, field)),
      el('dd', {}, fieldValue(t, dates, optionLabel(messages, field, record[field]))),
    );
  }
  return list;
}

/** The link's files, each a download through the same token (always saved, never shown inline). */
function files(t: Translate, token: string, shared: SharedRecord, language: string): HTMLElement {
  const list = el('ul', { class: 'shared-files' });
  for (const file of shared.attachments) {
    const href = `/v1/shared/${encodeURIComponent(token)}/attachments/${encodeURIComponent(file.id)}`;
    const label = t('shared.download', {
      name: file.name,
      size: fileSize(file.size, shownLanguageTag(language)),
    });
    list.append(el('li', {}, el('a', { href, download: file.name, rel: 'noreferrer' }, label)));
  }
  return el(
    'section',
    { 'aria-labelledby': 'files-heading', class: 'files-section' },
    el('h2', { id: 'files-heading' }, t('shared.files')),
    list,
  );
}

/**
 * Renders a shared record read-only: its fields, its public comments if the link includes them,
 * and its files to download if it includes those.
 */
export function renderSharedRecord(root: HTMLElement, shared: SharedRecord, token: string): void {
  const from = shared.sharedFrom ?? NEUTRAL;
  const messages = messagesFor(from.language);
  const t = translator(messages);
  const dates = new DateTimeFormat(from);
  document.documentElement.lang = shownLanguageTag(from.language);
  const colour = shared.sharedFrom?.branding.primaryColor;
  if (colour && COLOUR.test(colour)) document.documentElement.style.setProperty('--brand', colour);
  const record = shared.record as Record<string, unknown>;
  const title =
    typeof record.name === 'string' && record.name
      ? record.name
      : entitySingular(messages, shared.record.entityType);
  document.title = `${title} · ${t('shared.title')}`;
  const main = el(
    'main',
    { id: 'main', class: 'portal-main', tabindex: '-1' },
    el('p', { class: 'breadcrumb' }, t('shared.title')),
    el('h1', {}, title),
    el(
      'section',
      { 'aria-labelledby': 'details-heading' },
      el('h2', { id: 'details-heading', class: 'visually-hidden' }, t('record.details')),
      details(t, messages, dates, record),
    ),
  );
  if (shared.includeComments) {
    append(
      main,
      el(
        'section',
        { 'aria-labelledby': 'comments-heading', class: 'comments-section' },
        el('h2', { id: 'comments-heading' }, t('comments.title')),
        commentList(t, dates, shared.comments),
      ),
    );
  }
  if (shared.includeAttachments && shared.attachments.length > 0) {
    append(main, files(t, token, shared, from.language));
  }
  append(
    main,
    el('p', { class: 'shared-expiry' }, t('shared.until', { date: dates.date(shared.expiresAt) })),
  );
  replaceChildren(root, header(t, shared.sharedFrom), main);
}

/** Every dead link looks the same, as the API answers it: nothing tells why. */
export function renderSharedGone(root: HTMLElement): void {
  const t = translator(messagesFor(navigator.language.replace('-', '_')));
  document.title = t('shared.goneTitle');
  replaceChildren(
    root,
    el(
      'main',
      { id: 'main', class: 'public-main', tabindex: '-1' },
      el(
        'div',
        { class: 'card' },
        el('h1', {}, t('shared.goneTitle')),
        el('p', { role: 'alert', class: 'alert alert-error' }, t('shared.gone')),
      ),
    ),
  );
}
