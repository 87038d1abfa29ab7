import type { ShareLinkEvent } from './share-link.events';
import type { ShareLinkState } from './share-link.state';

export function evolveShareLink(state: ShareLinkState, event: ShareLinkEvent): ShareLinkState {
  switch (event.type) {
    case 'ShareLinkCreated': {
      const { linkId, ...data } = event.data;
      return { ...state, ...data, exists: true, id: linkId };
    }
    case 'ShareLinkRevoked':
      return { ...state, revoked: true };
    case 'ShareLinkExpired':
      return { ...state, expiryNoticed: true };
    case 'ShareLinkFirstOpened':
      return state.firstOpenedAt === null ? { ...state, firstOpenedAt: event.data.at } : state;
    default:
      return state;
  }
}
