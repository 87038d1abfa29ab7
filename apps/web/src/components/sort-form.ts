import { el, uniqueId } from '../dom/element.js';
import type { Translate } from '../i18n/catalogue.js';

export interface SortChoice {
  fields: { name: string; label: string }[];
  sort: { field: string; order: 'asc' | 'desc' };
  /** Where the list sorted this way lives; the form goes there instead of posting. */
  hrefFor: (field: string, order: 'asc' | 'desc') => string;
  navigate: (href: string) => void;
}

function select(label: string, name: string, options: [string, string][], value: string): HTMLElement {
  const id = uniqueId(`sort-${name}`);
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    el(
      'select',
      { id, name },
      ...options.map(([option, text]) => el('option', { value: option, selected: option === value }, text)),
    ),
  );
}

/** Sorting where the table's header links are not shown (the cards on a phone): a field, an order, a button. */
export function sortForm(t: Translate, choice: SortChoice): HTMLElement {
  const form = el(
    'form',
    { class: 'sort-form', 'aria-label': t('list.sortForm') },
    select(
      t('list.sortField'),
      'sort',
      choice.fields.map((f) => [f.name, f.label]),
      choice.sort.field,
    ),
    select(
      t('list.sortOrder'),
      'order',
      [
        ['asc', t('list.ascending')],
        ['desc', t('list.descending')],
      ],
      choice.sort.order,
    ),
    el('button', { type: 'submit', class: 'button button-secondary' }, t('list.sortApply')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const order = data.get('order') === 'asc' ? 'asc' : 'desc';
    choice.navigate(choice.hrefFor(String(data.get('sort') ?? choice.sort.field), order));
  });
  return form;
}
