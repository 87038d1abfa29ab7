import type { Comment, PortalRecord } from '../api/portal-api.js';
import { ApiError } from '../api/problem-document.js';
import type { PortalView } from '../app/views.js';
import { flashMessage } from '../components/alerts.js';
import { commentList } from '../components/comment-thread.js';
import { fileList } from '../components/file-list.js';
import { formField } from '../components/form-field.js';
import {
  chosenFiles,
  clearFiles,
  fileField,
  uploadFiles,
  uploadProgressArea,
} from '../components/file-upload.js';
import { onSubmit, text } from '../components/form-submission.js';
import { shareLinkSection } from '../components/share-link-form.js';
import { append, el, replaceChildren } from '../dom/element.js';
import { fieldValue } from '../format/field-value.js';
import { entityLabel, entitySingular, fieldLabel, optionLabel } from '../i18n/labels.js';
import { displayedFields, editFieldShape } from '../records/entity-fields.js';
import { notFoundInPortal } from './record-not-found.js';
import { filesSection, type FilesSection } from './record-files.js';

/** The API's limit on a comment's text. */
const MAX_COMMENT_LENGTH = 100_000;

function backLink(view: PortalView, entityType: string): { href: string; label: string } | undefined {
  if (!view.me.portal.tabList.includes(entityType)) return undefined;
  return {
    href: view.router.href(`records/${encodeURIComponent(entityType)}`),
    label: view.t('record.backToList', { type: entityLabel(view.messages, entityType) }),
  };
}

function details(view: PortalView, item: PortalRecord, fields: string[]): HTMLElement {
  const list = el('dl', { class: 'details' });
  for (const field of [...fields, 'createdAt', 'modifiedAt']) {
    if (!(field in item)) continue;
    list.append(
      el('dt', {}, fieldLabel(view.messages, field)),
      el('dd', {}, fieldValue(view.t, view.dates, optionLabel(view.messages, field, item[field]))),
    );
  }
  return list;
}

/** Only the record's editable fields, and only when the user's edit level reaches this record. */
function editForm(
  view: PortalView,
  entityType: string,
  item: PortalRecord,
  fields: string[],
): HTMLElement | null {
  const { t, messages, permissions } = view;
  if (!permissions.reaches(entityType, 'edit', item)) return null;
  const editable = fields.filter((field) => permissions.canEditField(entityType, field));
  if (editable.length === 0) return null;
  const form = el('form', { novalidate: true, class: 'stack' });
  for (const field of editable) {
    const shape = editFieldShape(entityType, field, item[field]);
    form.append(
      formField({
        ...shape,
        label: fieldLabel(messages, field),
        optionLabel: (option) => String(optionLabel(messages, field, option)),
        value: item[field],
        requiredText: t('field.required'),
      }),
    );
  }
  form.append(el('button', { type: 'submit', class: 'button' }, t('record.save')));
  onSubmit(
    form,
    t,
    async (data) => {
      const changes: Record<string, unknown> = {};
      for (const field of editable) {
        const control = form.elements.namedItem(field);
        const value =
          control instanceof HTMLInputElement && control.type === 'checkbox'
            ? control.checked
            : text(data, field);
        const before = item[field] ?? '';
        if (value !== before) changes[field] = value === '' ? null : value;
      }
      if (Object.keys(changes).length > 0)
        await view.api.updateRecord(entityType, item.id, changes, item.revision);
      view.router.navigate(window.location.pathname, {
        replace: true,
        flash: { kind: 'success', message: t('record.saved') },
      });
    },
    { label: (field) => fieldLabel(messages, field) },
  );
  return el(
    'section',
    { 'aria-labelledby': 'edit-heading' },
    el('h2', { id: 'edit-heading' }, t('record.edit')),
    form,
  );
}

function commentsOf(answer: { items: Comment[] } | Comment[]): Comment[] {
  return Array.isArray(answer) ? answer : answer.items;
}

/**
 * What the API answers about the record's stream (comments, following), or null where the user's
 * stream level does not reach it (the API's 403/404: no section then).
 */
async function withinStream<T>(
  view: PortalView,
  entityType: string,
  ask: () => Promise<T>,
): Promise<T | null> {
  if (view.permissions.level(entityType, 'stream') === 'no') return null;
  try {
    return await ask();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
    throw error;
  }
}

/**
 * The record's comments. Whether the user may comment is the API's call: when it lists the
 * comments (stream level reaches the record), it also takes new ones; otherwise no section.
 * Files chosen with a comment are uploaded to the record first, then posted with it by their ids
 * (the API links them to the comment); each comment shows the files it carries.
 */
async function commentsSection(
  view: PortalView,
  entityType: string,
  item: PortalRecord,
  files: FilesSection | null,
): Promise<HTMLElement | null> {
  const { t } = view;
  const answer = await withinStream(view, entityType, () => view.api.comments(entityType, item.id));
  if (answer === null) return null;
  const owner = { entityType, id: item.id };
  const carried = (comment: Comment) => {
    const mine = files?.current().filter((file) => file.commentId === comment.id) ?? [];
    return mine.length > 0 ? fileList(view, owner, mine) : null;
  };
  const list = el('div', { class: 'comment-list' }, commentList(t, view.dates, commentsOf(answer), carried));
  const form = el(
    'form',
    { novalidate: true, class: 'stack' },
    formField({
      name: 'text',
      label: t('comments.add'),
      type: 'textarea',
      required: true,
      maxLength: MAX_COMMENT_LENGTH,
      requiredText: t('field.required'),
    }),
  );
  const progress = uploadProgressArea();
  // Files only where the list shows them and the API takes them from this user.
  const withFiles = files !== null && view.permissions.canAttach(entityType, item);
  if (withFiles) form.append(fileField(view, { hint: t('upload.commentFiles') }), progress);
  form.append(el('button', { type: 'submit', class: 'button' }, t('comments.submit')));
  // A live region from the start, so the news that the comment is posted is announced when it appears.
  const status = el('div', { class: 'comment-status', role: 'status' });
  // Uploaded but not yet posted (the comment was refused): sent with the next try, not uploaded again.
  let pending: string[] = [];
  onSubmit(form, t, async (data) => {
    const chosen = withFiles ? chosenFiles(form) : [];
    if (chosen.length > 0) {
      const uploaded = await uploadFiles(view, owner, chosen, progress);
      pending = [...pending, ...uploaded.map((file) => file.id)];
      clearFiles(form);
    }
    await view.api.postComment(entityType, item.id, text(data, 'text'), pending);
    pending = [];
    form.reset();
    await files?.refresh();
    const fresh = commentsOf(await view.api.comments(entityType, item.id));
    replaceChildren(list, commentList(t, view.dates, fresh, carried));
    replaceChildren(status, el('p', { class: 'alert alert-success' }, t('comments.posted')));
  });
  return el(
    'section',
    { 'aria-labelledby': 'comments-heading', class: 'comments-section' },
    el('h2', { id: 'comments-heading' }, t('comments.title')),
    list,
    status,
    form,
  );
}

/**
 * Follow / Unfollow (EspoCRM's stream button): shown where the stream level reaches the record, as
 * the API allows following there only. A toggle button (aria-pressed) that says what it will do.
 */
async function followButton(
  view: PortalView,
  entityType: string,
  item: PortalRecord,
): Promise<HTMLElement | null> {
  const { t } = view;
  const answer = await withinStream(view, entityType, () => view.api.following(entityType, item.id));
  if (answer === null) return null;
  let following = answer.following;
  const status = el('span', { class: 'follow-status', role: 'status' });
  const button = el('button', { type: 'button', class: 'button button-secondary' });
  const show = (now: boolean) => {
    following = now;
    button.setAttribute('aria-pressed', String(now));
    replaceChildren(button, now ? t('follow.unfollow') : t('follow.follow'));
  };
  show(following);
  button.addEventListener('click', () => {
    button.setAttribute('disabled', '');
    view.api
      .follow(entityType, item.id, !following)
      .then((answer) => {
        show(answer.following);
        replaceChildren(status, answer.following ? t('follow.following') : t('follow.notFollowing'));
      })
      .catch(() => replaceChildren(status, t('follow.failed')))
      .finally(() => button.removeAttribute('disabled'));
  });
  return el('p', { class: 'follow' }, button, ' ', status);
}

/** One record: its readable fields, a form for the editable ones, its comments and a box to add one. */
export async function recordViewPage(view: PortalView, entityType: string, id: string): Promise<void> {
  let item: PortalRecord;
  try {
    item = await view.api.getRecord(entityType, id);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400))
      return notFoundInPortal(view, backLink(view, entityType));
    throw error;
  }
  const { t, messages } = view;
  const title = typeof item.name === 'string' && item.name ? item.name : entitySingular(messages, entityType);
  view.setTitle(title);
  const back = backLink(view, entityType);
  append(
    view.main,
    back ? el('p', { class: 'breadcrumb' }, el('a', { href: back.href }, back.label)) : null,
    el('h1', { tabindex: '-1' }, title),
    view.flash ? flashMessage(view.flash) : null,
    await followButton(view, entityType, item),
  );
  const fields = displayedFields(item).filter((f) => f !== 'name' && f !== 'createdAt' && f !== 'modifiedAt');
  append(
    view.main,
    el(
      'section',
      { 'aria-labelledby': 'details-heading' },
      el('h2', { id: 'details-heading', class: 'visually-hidden' }, t('record.details')),
      details(view, item, fields),
    ),
  );
  append(
    view.main,
    editForm(
      view,
      entityType,
      item,
      ['name', ...fields].filter((f) => f in item),
    ),
  );
  const files = await filesSection(view, entityType, item);
  append(view.main, files?.section);
  append(view.main, await commentsSection(view, entityType, item, files));
  append(view.main, shareLinkSection(view, entityType, item));
}
