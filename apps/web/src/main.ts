import { PortalApp } from './app/portal-app.js';
import { SharedRecordApp } from './shared/shared-record-app.js';

const root = document.getElementById('app');
/** `/portal/{slug}/…`: the slug names the portal this page belongs to. */
const portal = /^\/portal\/([^/]+)/.exec(window.location.pathname);
/** `/s/{token}`: a shared record, outside any portal. */
const shared = /^\/s\/([^/]+)\/?$/.exec(window.location.pathname);
if (portal?.[1] && root) {
  new PortalApp(decodeURIComponent(portal[1]), root).start();
} else if (shared?.[1] && root) {
  void new SharedRecordApp(decodeURIComponent(shared[1]), root).start();
}
