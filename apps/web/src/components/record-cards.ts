import type { PortalRecord } from '../api/portal-api.js';
import { el } from '../dom/element.js';
import type { DateTimeFormat } from '../format/date-time-format.js';
import { fieldValue } from '../format/field-value.js';
import type { Translate } from '../i18n/catalogue.js';

export interface CardOptions {
  caption: string;
  /** The list's columns: the first is the card's title (a link), each other one a line of its own. */
  columns: string[];
  label: (field: string) => string;
  /** A value as shown (an option value in the user's language). */
  shownValue: (field: string, value: unknown) => unknown;
  recordHref: (item: PortalRecord) => string;
}

/**
 * The records as cards for narrow screens, where a table's columns would squeeze: the name as a
 * link as wide as the card and at least 44 px tall, then one "label value" line per column.
 */
export function recordCards(
  t: Translate,
  dates: DateTimeFormat,
  items: PortalRecord[],
  options: CardOptions,
): HTMLElement {
  const [title, ...lines] = options.columns;
  return el(
    'ul',
    { class: 'record-cards', 'aria-label': options.caption },
    ...items.map((item) =>
      el(
        'li',
        { class: 'record-card' },
        el(
          'a',
          { class: 'record-card-link', href: options.recordHref(item) },
          (title ? fieldValue(t, dates, item[title]).textContent : '') || item.id,
        ),
        el(
          'dl',
          { class: 'record-card-fields' },
          ...lines.map((field) =>
            el(
              'div',
              { class: 'record-card-line' },
              el('dt', {}, t('list.fieldLabel', { field: options.label(field) })),
              el('dd', {}, fieldValue(t, dates, options.shownValue(field, item[field]))),
            ),
          ),
        ),
      ),
    ),
  );
}
