import type { Attachment } from '../api/portal-api.js';
import { ApiError } from '../api/problem-document.js';
import type { PortalView } from '../app/views.js';
import { el, replaceChildren, uniqueId } from '../dom/element.js';
import { errorText } from './alerts.js';
import type { FileOwner } from './file-list.js';
import { FormRefusal } from './form-submission.js';

/** An upload the API refused, told with the file's name (several may be sent at once). */
export class UploadRefusal extends FormRefusal {
  constructor(
    readonly fileName: string,
    readonly error: ApiError,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A labelled file control laid out like the form's other fields (`data-field`, a hint, room for an
 * error), so the error summary and field messages find it. Files are chosen, not yet sent.
 */
export function fileField(view: PortalView, options: { name?: string; hint?: string } = {}): HTMLElement {
  const { t } = view;
  const name = options.name ?? 'file';
  const id = uniqueId(`f-${name}`);
  const hints = [t('upload.hint'), options.hint].filter(Boolean).join(' ');
  const control = el('input', {
    id,
    name,
    type: 'file',
    multiple: true,
    'aria-describedby': `${id}-hint ${id}-error`,
  });
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  control.addEventListener('change', () => {
    control.removeAttribute('aria-invalid');
    error.hidden = true;
  });
  return el(
    'div',
    { class: 'field field-file', 'data-field': name, 'data-label': t('upload.label') },
    el('label', { for: id }, t('upload.label')),
    control,
    el('p', { class: 'hint', id: `${id}-hint` }, hints),
    error,
  );
}

/** The files chosen in a form's file field. */
export function chosenFiles(form: HTMLFormElement, name = 'file'): File[] {
  const control = form.elements.namedItem(name);
  return control instanceof HTMLInputElement && control.files ? [...control.files] : [];
}

export function clearFiles(form: HTMLFormElement, name = 'file'): void {
  const control = form.elements.namedItem(name);
  if (control instanceof HTMLInputElement) control.value = '';
}

/** Where uploads show their progress: a bar per file, its name and percentage beside it. */
export function uploadProgressArea(): HTMLElement {
  return el('div', { class: 'upload-progress' });
}

/**
 * Uploads `files` to the record one after another, each with a progress bar in `area`; stops at
 * the first refusal (its ApiError is thrown with the file's name) and answers the files attached.
 */
export async function uploadFiles(
  view: PortalView,
  owner: FileOwner,
  files: File[],
  area: HTMLElement,
): Promise<Attachment[]> {
  const { t } = view;
  const attached: Attachment[] = [];
  try {
    for (const file of files) {
      const label = el(
        'span',
        { class: 'upload-label' },
        t('upload.progress', { name: file.name, percent: 0 }),
      );
      const bar = el('progress', { max: 100, value: 0, 'aria-label': file.name });
      replaceChildren(area, el('div', { class: 'upload-row' }, label, bar));
      const done = await view.api
        .uploadAttachment(owner.entityType, owner.id, file, (sent, total) => {
          const percent = total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0;
          bar.value = percent;
          label.textContent = t('upload.progress', { name: file.name, percent });
        })
        .catch((error: unknown) => {
          // A refused token has already ended the session: nothing to say about the file.
          if (!(error instanceof ApiError) || error.status === 401) throw error;
          throw new UploadRefusal(file.name, error, `${file.name}: ${errorText(t, error)}`);
        });
      attached.push(done);
    }
  } finally {
    replaceChildren(area);
  }
  return attached;
}
