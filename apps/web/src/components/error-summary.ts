import { el } from '../dom/element.js';
import type { Translate } from '../i18n/catalogue.js';

/** One line of the summary: the field's label and what is wrong, linked to the control when it is on the form. */
export interface SummaryItem {
  label: string;
  message: string;
  control?: HTMLElement;
}

/**
 * The error summary above a form: what went wrong, then each field's problem as a link that moves
 * focus to that field. Focusable itself, so the submit button hands focus to it.
 */
export function errorSummary(t: Translate, detail: string, items: SummaryItem[]): HTMLElement {
  const summary = el(
    'div',
    { class: 'alert alert-error', role: 'alert', tabindex: '-1' },
    el('p', {}, detail),
  );
  if (items.length === 0) return summary;
  const list = el('ul');
  for (const item of items) {
    const text = item.label
      ? t('error.fieldItem', { field: item.label, message: item.message })
      : item.message;
    const control = item.control;
    if (!control) {
      list.append(el('li', {}, text));
      continue;
    }
    const link = el('a', { href: `#${control.id}` }, text);
    // The browser would only scroll to the field; putting the cursor in it is what the reader wants.
    link.addEventListener('click', (event) => {
      event.preventDefault();
      control.focus();
      control.scrollIntoView({ block: 'center' });
    });
    list.append(el('li', {}, link));
  }
  summary.append(el('p', {}, t('error.fields')), list);
  return summary;
}
