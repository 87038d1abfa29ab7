import type { PortalRecord } from '../api/portal-api.js';
import { el } from '../dom/element.js';
import type { DateTimeFormat } from '../format/date-time-format.js';
import { fieldValue } from '../format/field-value.js';
import type { Translate } from '../i18n/catalogue.js';

export interface TableOptions {
  caption: string;
  columns: string[];
  label: (field: string) => string;
  /** A value as shown (an option value in the user's language). */
  shownValue: (field: string, value: unknown) => unknown;
  sort: { field: string; order: 'asc' | 'desc' };
  /** The fields the API sorts by; their headers are links that sort (again: the other way). */
  sortable: (field: string) => boolean;
  sortHref: (field: string, order: 'asc' | 'desc') => string;
  recordHref: (item: PortalRecord) => string;
}

/** A list of records as a table: the first column links to each record. */
export function recordTable(
  t: Translate,
  dates: DateTimeFormat,
  items: PortalRecord[],
  options: TableOptions,
): HTMLElement {
  const header = el('tr');
  for (const column of options.columns) {
    const active = options.sort.field === column;
    const next = active && options.sort.order === 'asc' ? 'desc' : 'asc';
    const label = options.label(column);
    const content = options.sortable(column)
      ? el(
          'a',
          { href: options.sortHref(column, next), 'aria-label': t('list.sortBy', { field: label }) },
          label,
          active ? el('span', { 'aria-hidden': 'true' }, options.sort.order === 'asc' ? ' ▲' : ' ▼') : null,
        )
      : label;
    header.append(
      el(
        'th',
        {
          scope: 'col',
          'aria-sort': active ? (options.sort.order === 'asc' ? 'ascending' : 'descending') : null,
        },
        content,
      ),
    );
  }
  const body = el('tbody');
  for (const item of items) {
    const row = el('tr');
    options.columns.forEach((column, index) => {
      const value = fieldValue(t, dates, options.shownValue(column, item[column]));
      const cell =
        index === 0
          ? el(
              'th',
              { scope: 'row' },
              el('a', { href: options.recordHref(item) }, value.textContent || item.id),
            )
          : el('td', {}, value);
      row.append(cell);
    });
    body.append(row);
  }
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { class: 'records' },
      el('caption', { class: 'visually-hidden' }, options.caption),
      el('thead', {}, header),
      body,
    ),
  );
}
