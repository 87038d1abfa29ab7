import type { PortalView } from '../app/views.js';
import { flashMessage } from '../components/alerts.js';
import { formField } from '../components/form-field.js';
import { onSubmit, text } from '../components/form-submission.js';
import { append, el } from '../dom/element.js';
import { entitySingular, fieldLabel, optionLabel } from '../i18n/labels.js';
import { createFormFields } from '../records/entity-fields.js';

/** The create form of a quick-create type, with only the fields the user may set. */
export function recordCreatePage(view: PortalView, entityType: string): void {
  const { t, messages, permissions, router } = view;
  const title = t('create.title', { type: entitySingular(messages, entityType) });
  view.setTitle(title);
  append(view.main, el('h1', { tabindex: '-1' }, title));
  if (!permissions.canQuickCreate(entityType)) {
    append(view.main, flashMessage({ kind: 'error', message: t('create.notAllowed') }));
    return;
  }
  const fields = createFormFields(entityType).filter(
    (f) => f.required || permissions.canEditField(entityType, f.name),
  );
  const form = el('form', { novalidate: true, class: 'stack' });
  for (const field of fields) {
    const value =
      field.type === 'select' && field.required
        ? field.options?.includes('Normal')
          ? 'Normal'
          : field.options?.[0]
        : undefined;
    form.append(
      formField({
        ...field,
        value,
        label: fieldLabel(messages, field.name),
        optionLabel: (option) => String(optionLabel(messages, field.name, option)),
        requiredText: t('field.required'),
      }),
    );
  }
  form.append(el('button', { type: 'submit', class: 'button' }, t('create.submit')));
  onSubmit(
    form,
    t,
    async (data) => {
      const body: Record<string, unknown> = {};
      for (const field of fields) {
        const value = text(data, field.name);
        if (value !== '') body[field.name] = value;
      }
      const created = await view.api.createRecord(entityType, body);
      router.navigate(
        router.href(`records/${encodeURIComponent(entityType)}/${encodeURIComponent(created.id)}`),
        {
          replace: true,
          flash: { kind: 'success', message: t('create.created') },
        },
      );
    },
    { label: (field) => fieldLabel(messages, field) },
  );
  append(view.main, form);
}
