import type { PublicView } from '../app/views.js';
import { errorText, flashMessage } from '../components/alerts.js';
import { formField } from '../components/form-field.js';
import { onSubmit, text } from '../components/form-submission.js';
import { append, el } from '../dom/element.js';
import type { DateTimeFormat } from '../format/date-time-format.js';
import { erasureNotice, exportFileName } from './erasure-request-notice.js';

/** Saves `blob` as a download named `name` (the API needs the token in a header: no plain link). */
function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * What the "My data" section needs: the profile has all of it; the consent page of a live session
 * has no GET /me (refused until the terms are accepted), so it passes the portal's slug and a
 * default date format. `pageHref` is where a sent request reloads to, with its confirmation.
 */
export type PrivacyView = Pick<PublicView, 'slug' | 'api' | 'router' | 't' | 'main'> & {
  dates: Pick<DateTimeFormat, 'date'>;
  pageHref: string;
};

/**
 * "My data": download it all, and ask for the account to be deleted. Shown on the profile, and on
 * the consent page of a live session: both calls work without the current consent (the API exempts
 * them), so someone who will not accept new terms can still take their data and leave.
 */
export async function profilePrivacy(view: PrivacyView): Promise<void> {
  const { t } = view;
  const section = el('section', { class: 'stack', 'aria-labelledby': 'privacy-title' });
  append(
    section,
    el('h2', { id: 'privacy-title' }, t('privacy.title')),
    el('p', {}, t('privacy.export.hint')),
  );
  const status = el('div', { 'aria-live': 'polite' });
  const download = el(
    'button',
    { type: 'button', class: 'button button-secondary' },
    t('privacy.export.button'),
  );
  download.addEventListener('click', () => {
    download.disabled = true;
    view.api
      .dataExport()
      .then((data) => {
        status.replaceChildren();
        saveFile(
          new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
          exportFileName(view.slug, new Date()),
        );
      })
      .catch(() =>
        status.replaceChildren(flashMessage({ kind: 'error', message: t('privacy.export.failed') })),
      )
      .finally(() => {
        download.disabled = false;
      });
  });
  append(section, download, status);

  append(section, el('h3', {}, t('privacy.erasure.title')));
  let latest;
  try {
    latest = await view.api.erasureRequest();
  } catch (error) {
    append(section, flashMessage({ kind: 'error', message: errorText(t, error) }));
    append(view.main, section);
    return;
  }
  const notice = erasureNotice(latest, (iso) => view.dates.date(iso));
  append(section, el('p', { class: 'erasure-state' }, t(notice.key, notice.params)));
  if (notice.canRequest) {
    const form = el('form', { novalidate: true, class: 'stack', 'data-form': 'erasure-request' });
    form.append(
      formField({ name: 'reason', label: t('privacy.erasure.reason'), type: 'textarea', maxLength: 2000 }),
      formField({ name: 'confirm', label: t('privacy.erasure.confirm'), type: 'checkbox', required: true }),
      el('button', { type: 'submit', class: 'button' }, t('privacy.erasure.submit')),
    );
    onSubmit(form, t, async (data) => {
      await view.api.requestErasure(text(data, 'reason'));
      view.router.navigate(view.pageHref, {
        replace: true,
        flash: { kind: 'success', message: t('privacy.erasure.sent') },
      });
    });
    append(section, form);
  }
  append(view.main, section);
}
