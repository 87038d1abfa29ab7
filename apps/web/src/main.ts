import { PortalApp } from './app/portal-app.js';

/** `/portal/{slug}/…`: the slug names the portal this page belongs to. */
const match = /^\/portal\/([^/]+)/.exec(window.location.pathname);
const root = document.getElementById('app');
if (match?.[1] && root) {
  new PortalApp(decodeURIComponent(match[1]), root).start();
}
