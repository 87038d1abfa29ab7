import { ApiError } from '../api/problem-document.js';
import type { PortalView } from '../app/views.js';
import { flashMessage } from '../components/alerts.js';
import { errorText } from '../components/alerts.js';
import { formField } from '../components/form-field.js';
import {
  chosenFiles,
  fileField,
  uploadFiles,
  uploadProgressArea,
  UploadRefusal,
} from '../components/file-upload.js';
import { onSubmit, text } from '../components/form-submission.js';
import type { Flash } from '../router/router.js';
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
  // Files go to the record once it exists (the API takes files on a record its creator made).
  const progress = uploadProgressArea();
  form.append(fileField(view), progress);
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
      let flash: Flash = { kind: 'success', message: t('create.created') };
      try {
        await uploadFiles(view, { entityType, id: created.id }, chosenFiles(form), progress);
      } catch (error) {
        // The record exists: open it (a second submit would create another), saying which file did
        // not come along and why. A refused token has already gone to the login page.
        if (error instanceof ApiError && error.status === 401) throw error;
        const refusal = error instanceof UploadRefusal ? error : null;
        const reason = errorText(t, refusal ? refusal.error : error);
        const name = refusal?.fileName ?? chosenFiles(form)[0]?.name ?? '';
        flash = { kind: 'error', message: t('upload.afterCreateFailed', { name, reason }) };
      }
      router.navigate(
        router.href(`records/${encodeURIComponent(entityType)}/${encodeURIComponent(created.id)}`),
        { replace: true, flash },
      );
    },
    { label: (field) => fieldLabel(messages, field) },
  );
  append(view.main, form);
}
