import type { Me, PortalApi } from '../api/portal-api.js';
import type { DateTimeFormat } from '../format/date-time-format.js';
import type { Messages } from '../i18n/en.js';
import type { Translate } from '../i18n/catalogue.js';
import type { PortalPermissions } from '../permissions/portal-permissions.js';
import type { Flash, Router } from '../router/router.js';

/** What every page gets: its own container, the API, routing and the language. */
export interface PublicView {
  slug: string;
  api: PortalApi;
  router: Router;
  t: Translate;
  messages: Messages;
  /** This page's container; once the user navigates away it is detached, so late writes vanish. */
  main: HTMLElement;
  query: URLSearchParams;
  flash: Flash | null;
  setTitle(title: string): void;
  /** After a login or an accepted invitation: keep the token and open the portal. */
  startSession(accessToken: string, expiresIn: number): void;
}

/** Pages behind the login also know who the user is and what they may do. */
export interface PortalView extends PublicView {
  me: Me;
  permissions: PortalPermissions;
  dates: DateTimeFormat;
  /** Reloads GET /me (after the profile changed). */
  reloadMe(): Promise<void>;
  /** The API has ended the session (the consent was withdrawn): forget it, show the login page with `message`. */
  signedOut(message: string): void;
}

/** A page: renders into view.main. */
export type Page<V extends PublicView> = (view: V) => Promise<void> | void;
