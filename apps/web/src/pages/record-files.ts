import type { Attachment, PortalRecord } from '../api/portal-api.js';
import { ApiError } from '../api/problem-document.js';
import type { PortalView } from '../app/views.js';
import { fileList, type FileOwner } from '../components/file-list.js';
import { chosenFiles, fileField, uploadFiles, uploadProgressArea } from '../components/file-upload.js';
import { onSubmit } from '../components/form-submission.js';
import { el, replaceChildren } from '../dom/element.js';

export interface FilesSection {
  section: HTMLElement;
  /** The files as last read. */
  current(): Attachment[];
  /** Reads the list again (after a comment brought files). */
  refresh(): Promise<void>;
}

async function filesOf(view: PortalView, owner: FileOwner): Promise<Attachment[] | null> {
  try {
    return (await view.api.attachments(owner.entityType, owner.id)).items;
  } catch (error) {
    // The record is readable, so this is a type whose files the API does not show here.
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * The record's files with a download button each, and, where the API takes files from the user
 * (stream level or their own record), a form to upload more with a progress bar.
 */
export async function filesSection(
  view: PortalView,
  entityType: string,
  item: PortalRecord,
): Promise<FilesSection | null> {
  const { t } = view;
  const owner = { entityType, id: item.id };
  const first = await filesOf(view, owner);
  if (first === null) return null;
  let files = first;
  const list = el('div', { class: 'file-list' }, fileList(view, owner, files));
  const current = () => files;
  const refresh = async () => {
    files = (await filesOf(view, owner)) ?? [];
    replaceChildren(list, fileList(view, owner, files));
  };
  const section = el(
    'section',
    { 'aria-labelledby': 'files-heading', class: 'files-section' },
    el('h2', { id: 'files-heading' }, t('files.title')),
    list,
  );
  if (!view.permissions.canAttach(entityType, item)) return { section, current, refresh };

  const progress = uploadProgressArea();
  const status = el('div', { class: 'upload-status', role: 'status' });
  const form = el(
    'form',
    { novalidate: true, class: 'stack upload-form' },
    fileField(view),
    progress,
    el('button', { type: 'submit', class: 'button' }, t('upload.submit')),
  );
  onSubmit(
    form,
    t,
    async () => {
      replaceChildren(status);
      const attached = await uploadFiles(view, owner, chosenFiles(form), progress);
      form.reset();
      await refresh();
      const names = attached.map((file) => file.name).join(', ');
      replaceChildren(status, el('p', { class: 'alert alert-success' }, t('upload.done', { names })));
    },
    {
      check: (_data, problems) => {
        if (chosenFiles(form).length === 0) problems.set('file', [{ key: 'upload.required' }]);
      },
    },
  );
  section.append(status, form);
  return { section, current, refresh };
}
