import type { Attachment } from '../api/portal-api.js';
import type { PortalView } from '../app/views.js';
import { el, replaceChildren } from '../dom/element.js';
import { fileSize } from '../format/file-size.js';
import { fileTypeName } from '../format/file-type.js';
import { timeElement } from '../format/field-value.js';
import { shownLanguageTag } from '../i18n/catalogue.js';

/** Where a file lives: the record it is attached to. */
export interface FileOwner {
  entityType: string;
  id: string;
}

/** Hands a downloaded file to the browser as a download under its own name. */
function saveAs(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the bytes once the click is handled; a moment later the URL can go.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A download button: the API needs the bearer token in a header, which a plain link cannot send,
 * so the page fetches the bytes and hands them to the browser under the file's name.
 */
export function downloadButton(view: PortalView, owner: FileOwner, file: Attachment): HTMLElement {
  const { t } = view;
  const status = el('span', { class: 'file-status', role: 'status' });
  const button = el(
    'button',
    {
      type: 'button',
      class: 'button button-secondary',
      'aria-label': t('files.downloadNamed', { name: file.name }),
    },
    t('files.download'),
  );
  button.addEventListener('click', () => {
    button.disabled = true;
    replaceChildren(status);
    view.api
      .downloadAttachment(owner.entityType, owner.id, file.id)
      .then((blob) => saveAs(blob, file.name))
      .catch(() => replaceChildren(status, t('files.downloadFailed')))
      .finally(() => {
        button.disabled = false;
      });
  });
  return el('span', { class: 'file-download' }, button, status);
}

/** Size, type and when: `1.5 MB · PDF · 05.06.2026 10:00`. */
export function fileFacts(view: PortalView, file: Attachment): HTMLElement {
  const locale = shownLanguageTag(view.me.portal.settings.language);
  return el(
    'span',
    { class: 'file-facts' },
    `${fileSize(file.size, locale)} · ${fileTypeName(file.contentType)} · `,
    timeElement(view.dates, file.createdAt),
  );
}

/** The files of a record, oldest first, each with its facts, who added it and a download button. */
export function fileList(view: PortalView, owner: FileOwner, files: Attachment[]): HTMLElement {
  if (files.length === 0) return el('p', { class: 'empty' }, view.t('files.empty'));
  return el(
    'ul',
    { class: 'files' },
    ...files.map((file) =>
      el(
        'li',
        { class: 'file' },
        el(
          'div',
          { class: 'file-about' },
          el('span', { class: 'file-name' }, file.name),
          fileFacts(view, file),
          file.createdBy.name
            ? el('span', { class: 'file-by muted' }, view.t('files.addedBy', { name: file.createdBy.name }))
            : null,
        ),
        downloadButton(view, owner, file),
      ),
    ),
  );
}
