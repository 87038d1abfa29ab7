import type { Dashlet, PortalRecord } from '../api/portal-api.js';
import type { PortalView } from '../app/views.js';
import { flashMessage } from '../components/alerts.js';
import { defaultDashboard } from '../dashboard/default-dashboard.js';
import { append, el } from '../dom/element.js';
import { timeElement } from '../format/field-value.js';
import { labelFor } from '../i18n/catalogue.js';
import { entityLabel, optionLabel } from '../i18n/labels.js';

type Data = Record<string, unknown>;

function asData(value: unknown): Data | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : null;
}

function table(caption: string, headers: string[], rows: (string | number | Node)[][]): HTMLElement {
  return el(
    'table',
    { class: 'dashlet-table' },
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...rows.map(([first, ...rest]) =>
        el('tr', {}, el('th', { scope: 'row' }, first ?? ''), ...rest.map((c) => el('td', {}, c))),
      ),
    ),
  );
}

function recordList(view: PortalView, entityType: string, items: PortalRecord[]): HTMLElement {
  if (items.length === 0) return el('p', { class: 'empty' }, view.t('dashlet.empty'));
  const linkable = view.me.portal.tabList.includes(entityType);
  return el(
    'ul',
    { class: 'dashlet-list' },
    ...items.map((item) => {
      const name = typeof item.name === 'string' && item.name ? item.name : item.id;
      const when =
        typeof item.createdAt === 'string'
          ? timeElement(view.dates, String(item.modifiedAt ?? item.createdAt))
          : null;
      return el(
        'li',
        {},
        linkable
          ? el(
              'a',
              {
                href: view.router.href(
                  `records/${encodeURIComponent(entityType)}/${encodeURIComponent(item.id)}`,
                ),
              },
              name,
            )
          : name,
        typeof item.status === 'string'
          ? el('span', { class: 'badge' }, String(optionLabel(view.messages, 'status', item.status)))
          : null,
        when ? el('span', { class: 'muted' }, ' ', when) : null,
      );
    }),
  );
}

/** The body of one dashlet, by kind; an unknown kind or hidden data says it is not available. */
function dashletBody(view: PortalView, dashlet: Dashlet, title: string): HTMLElement {
  const { t, messages } = view;
  const data = asData(dashlet.data);
  if (!data) return el('p', { class: 'muted' }, t('dashlet.noData'));
  switch (dashlet.dashlet) {
    case 'OpenCasesByPriority': {
      const byPriority = asData(data.byPriority) ?? {};
      return el(
        'div',
        {},
        table(
          title,
          [t('dashlet.priority'), t('dashlet.count')],
          Object.entries(byPriority).map(([p, n]) => [
            String(optionLabel(messages, 'priority', p)),
            Number(n),
          ]),
        ),
        el('p', { class: 'dashlet-total' }, t('dashlet.total', { count: Number(data.total ?? 0) })),
      );
    }
    case 'CaseResolutionTimeByPriority': {
      const byPriority = asData(data.byPriority) ?? {};
      return table(
        title,
        [t('dashlet.priority'), t('dashlet.count'), t('dashlet.averageHours')],
        Object.entries(byPriority).map(([p, v]) => {
          const row = asData(v) ?? {};
          return [
            String(optionLabel(messages, 'priority', p)),
            Number(row.count ?? 0),
            row.averageHours == null ? t('field.empty') : String(row.averageHours),
          ];
        }),
      );
    }
    case 'RecentCases':
      return recordList(view, 'Case', (data.items as PortalRecord[] | undefined) ?? []);
    case 'RecentKnowledgeBaseArticles':
      return recordList(view, 'KnowledgeBaseArticle', (data.items as PortalRecord[] | undefined) ?? []);
    case 'Announcement':
      return el('p', { class: 'announcement' }, typeof data.text === 'string' ? data.text : '');
    default:
      return el('p', { class: 'muted' }, t('dashlet.noData'));
  }
}

/** The dashlets of the portal's (or the user's own) dashboard layout, each a titled section. */
export async function dashboardPage(view: PortalView): Promise<void> {
  const { t, messages } = view;
  view.setTitle(t('dashboard.title'));
  append(
    view.main,
    el('h1', { tabindex: '-1' }, t('dashboard.title')),
    view.flash ? flashMessage(view.flash) : null,
  );
  const answer = await view.api.dashboard();
  const dashlets = Array.isArray(answer) ? answer : answer.dashlets;
  if (dashlets.length === 0) {
    // No layout: the default blocks the roles allow; with none, the tabs as plain links.
    const blocks = await defaultDashboard(view, recordList);
    if (blocks) return append(view.main, blocks);
    append(
      view.main,
      el('p', { class: 'empty' }, t('dashboard.empty')),
      el(
        'ul',
        {},
        ...view.me.portal.tabList.map((type) =>
          el(
            'li',
            {},
            el(
              'a',
              { href: view.router.href(`records/${encodeURIComponent(type)}`) },
              entityLabel(messages, type),
            ),
          ),
        ),
      ),
    );
    return;
  }
  const grid = el('div', { class: 'dashlets' });
  dashlets.forEach((dashlet, index) => {
    const announcementTitle = dashlet.dashlet === 'Announcement' ? asData(dashlet.data)?.title : null;
    const title =
      typeof announcementTitle === 'string' && announcementTitle
        ? announcementTitle
        : labelFor(messages, `dashlet.${dashlet.dashlet}`, dashlet.dashlet);
    const headingId = `dashlet-${index}`;
    grid.append(
      el(
        'section',
        { class: 'dashlet', 'aria-labelledby': headingId },
        el('h2', { id: headingId }, title),
        dashletBody(view, dashlet, title),
      ),
    );
  });
  append(view.main, grid);
}
