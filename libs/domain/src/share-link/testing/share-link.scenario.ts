// Given/then for the ShareLink specs: the state after past events, and a refusal.
import { fold } from '../../shared/decider';
import type { ShareLinkEvent } from '../share-link.events';
import { evolveShareLink } from '../share-link.evolve';
import { initialShareLinkState, type ShareLinkState } from '../share-link.state';

export { refusal } from '../../shared/testing/refusal';

export function given(events: ShareLinkEvent[]): ShareLinkState {
  return fold(evolveShareLink, initialShareLinkState, events);
}
