import type { PortalRecord } from '../api/portal-api.js';
import type { PortalView } from '../app/views.js';
import { el } from '../dom/element.js';
import type { MessageKey } from '../i18n/en.js';
import { entityLabel } from '../i18n/labels.js';
import { DEFAULT_BLOCK_TYPES, defaultBlocks, isOpenCase, type DefaultBlock } from './default-blocks.js';

/** Items a block shows. */
const SHOWN = 5;
/** Recent cases read to find the open ones among them (the list filters by equality only). */
const CASES_READ = 50;

const TITLES: Record<DefaultBlock, MessageKey> = {
  openCases: 'dashboard.openCases',
  recentDocuments: 'dashboard.recentDocuments',
  latestArticles: 'dashboard.latestArticles',
};

/** A block's records: open cases most recently changed first; documents and articles newest first. */
async function itemsOf(view: PortalView, block: DefaultBlock): Promise<PortalRecord[]> {
  const type = DEFAULT_BLOCK_TYPES[block];
  if (block === 'openCases') {
    const answer = await view.api.listRecords(type, {
      perPage: CASES_READ,
      sort: 'modifiedAt',
      order: 'desc',
    });
    return answer.items.filter(isOpenCase).slice(0, SHOWN);
  }
  return (await view.api.listRecords(type, { perPage: SHOWN, sort: 'createdAt', order: 'desc' })).items;
}

export type RecordListRenderer = (view: PortalView, entityType: string, items: PortalRecord[]) => HTMLElement;

/**
 * The dashboard of a portal without a layout of its own: open cases, recent documents and latest
 * articles, each only where the roles let the user read that type; null when none is allowed.
 */
export async function defaultDashboard(
  view: PortalView,
  list: RecordListRenderer,
): Promise<HTMLElement | null> {
  const blocks = defaultBlocks(view.me.portal.tabList, view.permissions);
  if (blocks.length === 0) return null;
  const items = await Promise.all(blocks.map((block) => itemsOf(view, block)));
  return el(
    'div',
    { class: 'dashlets' },
    ...blocks.map((block, i) => {
      const type = DEFAULT_BLOCK_TYPES[block];
      const headingId = `dashlet-${block}`;
      return el(
        'section',
        { class: 'dashlet', 'aria-labelledby': headingId },
        el('h2', { id: headingId }, view.t(TITLES[block])),
        list(view, type, items[i] ?? []),
        el(
          'p',
          { class: 'dashlet-more' },
          el(
            'a',
            { href: view.router.href(`records/${encodeURIComponent(type)}`) },
            view.t('dashboard.showAll', { type: entityLabel(view.messages, type) }),
          ),
        ),
      );
    }),
  );
}
