import type { Comment } from '../api/portal-api.js';
import { el } from '../dom/element.js';
import type { DateTimeFormat } from '../format/date-time-format.js';
import { timeElement } from '../format/field-value.js';
import type { Translate } from '../i18n/catalogue.js';

/**
 * Comments, oldest first, each with who wrote it and when (in the portal's time zone), and below
 * its text whatever `extra` adds (the files posted with it).
 */
export function commentList(
  t: Translate,
  dates: DateTimeFormat,
  comments: Comment[],
  extra: (comment: Comment) => Node | null = () => null,
): HTMLElement {
  if (comments.length === 0) return el('p', { class: 'empty' }, t('comments.empty'));
  const sorted = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return el(
    'ol',
    { class: 'comments' },
    ...sorted.map((comment) =>
      el(
        'li',
        { class: 'comment' },
        el(
          'p',
          { class: 'comment-meta' },
          el('span', { class: 'comment-author' }, comment.createdBy?.name ?? ''),
          ' · ',
          timeElement(dates, comment.createdAt),
        ),
        el('p', { class: 'comment-text' }, comment.text),
        extra(comment),
      ),
    ),
  );
}
