import type { PortalView } from '../app/views.js';
import { flashMessage } from '../components/alerts.js';
import { pager } from '../components/pager.js';
import { recordCards } from '../components/record-cards.js';
import { recordTable } from '../components/record-table.js';
import { sortForm } from '../components/sort-form.js';
import { append, el } from '../dom/element.js';
import { entityLabel, entitySingular, fieldLabel, optionLabel } from '../i18n/labels.js';
import { listColumns } from '../records/entity-fields.js';
import { documentsPage } from './documents.page.js';
import { notFoundInPortal } from './record-not-found.js';

const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 100;

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/** A tab: the records of one type the user may read, a page at a time, sortable by column. */
export async function recordListPage(view: PortalView, entityType: string): Promise<void> {
  const { t, messages, router, permissions, me } = view;
  if (!me.portal.tabList.includes(entityType)) return notFoundInPortal(view);
  // Documents are there for their files: a list of files to download, not a table of fields.
  if (entityType === 'Document') return documentsPage(view);
  const title = entityLabel(messages, entityType);
  view.setTitle(title);
  const header = el('div', { class: 'page-header' }, el('h1', { tabindex: '-1' }, title));
  if (permissions.canQuickCreate(entityType)) {
    header.append(
      el(
        'a',
        { class: 'button', href: router.href(`records/${encodeURIComponent(entityType)}/new`) },
        t('list.create', { type: entitySingular(messages, entityType) }),
      ),
    );
  }
  append(view.main, header);
  if (view.flash) append(view.main, flashMessage(view.flash));

  const page = positiveInt(view.query.get('page'), 1);
  const perPage = Math.min(positiveInt(view.query.get('perPage'), DEFAULT_PER_PAGE), MAX_PER_PAGE);
  // Only a chosen page size travels in links; the default keeps URLs short.
  const size = perPage === DEFAULT_PER_PAGE ? undefined : perPage;
  const order = view.query.get('order') === 'asc' ? 'asc' : 'desc';
  const sort = view.query.get('sort') ?? 'createdAt';
  const answer = await view.api.listRecords(entityType, { page, perPage, sort, order });
  const base = `records/${encodeURIComponent(entityType)}`;
  if (answer.items.length === 0) {
    append(view.main, el('p', { class: 'empty' }, t('list.empty')));
  } else {
    const columns = listColumns(answer.items);
    const pages = Math.max(1, Math.ceil(answer.total / answer.perPage));
    const caption = t('list.caption', { type: title, total: answer.total, page: answer.page, pages });
    const label = (field: string) => fieldLabel(messages, field);
    const shownValue = (field: string, value: unknown) => optionLabel(messages, field, value);
    const recordHref = (item: { id: string }) => router.href(`${base}/${encodeURIComponent(item.id)}`);
    const sortHref = (field: string, next: 'asc' | 'desc') =>
      router.href(base, { sort: field, order: next, perPage: size });
    // The table on wide screens, cards and a sort form on narrow ones (the stylesheet shows one).
    append(
      view.main,
      sortForm(t, {
        // Columns are plain readable fields and the times: the API sorts by every one of them.
        fields: columns.map((name) => ({ name, label: label(name) })),
        sort: { field: sort, order },
        hrefFor: sortHref,
        navigate: (href) => router.navigate(href),
      }),
      recordTable(t, view.dates, answer.items, {
        caption,
        columns,
        label,
        shownValue,
        sort: { field: sort, order },
        sortable: () => true,
        sortHref,
        recordHref,
      }),
      recordCards(t, view.dates, answer.items, { caption, columns, label, shownValue, recordHref }),
    );
  }
  if (answer.total > answer.perPage || page > 1) {
    append(
      view.main,
      pager(t, answer.page, answer.perPage, answer.total, (p) =>
        router.href(base, { page: p, sort, order, perPage: size }),
      ),
    );
  }
}
