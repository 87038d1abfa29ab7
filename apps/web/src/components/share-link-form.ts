import type { PortalRecord } from '../api/portal-api.js';
import type { PortalView } from '../app/views.js';
import { el, replaceChildren } from '../dom/element.js';
import { formField } from './form-field.js';
import { onSubmit } from './form-submission.js';

/**
 * "Share a link" for users whose `share` level reaches the record: makes a link and shows its URL
 * this once, selected in a read-only box to copy (the API keeps no way to show it again).
 */
export function shareLinkSection(
  view: PortalView,
  entityType: string,
  item: PortalRecord,
): HTMLElement | null {
  const { t, permissions } = view;
  if (!permissions.reaches(entityType, 'share', item)) return null;
  const result = el('div', { class: 'share-result', role: 'status' });
  const form = el(
    'form',
    { novalidate: true, class: 'stack' },
    formField({ name: 'includeComments', label: t('share.includeComments'), type: 'checkbox' }),
    formField({ name: 'includeAttachments', label: t('share.includeAttachments'), type: 'checkbox' }),
    el('button', { type: 'submit', class: 'button' }, t('share.submit')),
  );
  onSubmit(form, t, async () => {
    const checked = (name: string) => {
      const control = form.elements.namedItem(name);
      return control instanceof HTMLInputElement && control.checked;
    };
    const link = await view.api.createShareLink(entityType, item.id, {
      includeComments: checked('includeComments'),
      includeAttachments: checked('includeAttachments'),
    });
    const box = el('input', {
      type: 'text',
      readonly: true,
      value: link.url,
      class: 'share-url',
      'aria-label': t('share.link'),
    });
    replaceChildren(
      result,
      el(
        'p',
        { class: 'alert alert-success' },
        t('share.created', { date: view.dates.date(link.expiresAt) }),
      ),
      box,
    );
    box.focus();
    box.select();
  });
  return el(
    'section',
    { 'aria-labelledby': 'share-heading', class: 'share-section' },
    el('h2', { id: 'share-heading' }, t('share.title')),
    el('p', {}, t('share.intro')),
    form,
    result,
  );
}
