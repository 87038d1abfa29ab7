import type { Attachment, PortalRecord } from '../api/portal-api.js';
import { ApiError } from '../api/problem-document.js';
import type { PortalView } from '../app/views.js';
import { flashMessage } from '../components/alerts.js';
import { downloadButton, fileFacts } from '../components/file-list.js';
import { pager } from '../components/pager.js';
import { append, el } from '../dom/element.js';
import { entityLabel, entitySingular } from '../i18n/labels.js';

const DOCUMENT = 'Document';
const PER_PAGE = 20;

/** The one file a Document carries (the API holds it to one), or null while it has none. */
async function fileOf(view: PortalView, id: string): Promise<Attachment | null> {
  try {
    return (await view.api.attachments(DOCUMENT, id)).items[0] ?? null;
  } catch (error) {
    // Gone from the user's scope since the list was read: shown without a file.
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function documentCard(view: PortalView, item: PortalRecord, file: Attachment | null): HTMLElement {
  const { t, router } = view;
  const name = typeof item.name === 'string' && item.name ? item.name : item.id;
  const owner = { entityType: DOCUMENT, id: item.id };
  return el(
    'li',
    { class: 'document' },
    el(
      'div',
      { class: 'file-about' },
      el(
        'a',
        { class: 'document-link', href: router.href(`records/${DOCUMENT}/${encodeURIComponent(item.id)}`) },
        name,
      ),
      file ? el('span', { class: 'file-name' }, file.name) : null,
      file ? fileFacts(view, file) : el('span', { class: 'muted' }, t('files.noFile')),
    ),
    file ? downloadButton(view, owner, file) : null,
  );
}

/**
 * The Documents tab: the Document records the user may read (the API scopes the list), newest
 * first, each with its file's name, size, type and date and a download button; one layout at
 * every width (a card per document).
 */
export async function documentsPage(view: PortalView): Promise<void> {
  const { t, messages, router } = view;
  const title = entityLabel(messages, DOCUMENT);
  view.setTitle(title);
  const header = el('div', { class: 'page-header' }, el('h1', { tabindex: '-1' }, title));
  if (view.permissions.canQuickCreate(DOCUMENT)) {
    header.append(
      el(
        'a',
        { class: 'button', href: router.href(`records/${DOCUMENT}/new`) },
        t('list.create', { type: entitySingular(messages, DOCUMENT) }),
      ),
    );
  }
  append(view.main, header);
  if (view.flash) append(view.main, flashMessage(view.flash));

  const requested = Number(view.query.get('page'));
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const answer = await view.api.listRecords(DOCUMENT, {
    page,
    perPage: PER_PAGE,
    sort: 'createdAt',
    order: 'desc',
  });
  if (answer.items.length === 0) {
    append(view.main, el('p', { class: 'empty' }, t('list.empty')));
  } else {
    const files = await Promise.all(answer.items.map((item) => fileOf(view, item.id)));
    const pages = Math.max(1, Math.ceil(answer.total / answer.perPage));
    append(
      view.main,
      el(
        'ul',
        {
          class: 'documents',
          'aria-label': t('list.caption', { type: title, total: answer.total, page: answer.page, pages }),
        },
        ...answer.items.map((item, i) => documentCard(view, item, files[i] ?? null)),
      ),
    );
  }
  if (answer.total > answer.perPage || page > 1) {
    append(
      view.main,
      pager(t, answer.page, answer.perPage, answer.total, (p) =>
        router.href(`records/${DOCUMENT}`, { page: p }),
      ),
    );
  }
}
