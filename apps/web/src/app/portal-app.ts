import { ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/problem-document.js';
import { PortalApi, type Me, type PortalPublic } from '../api/portal-api.js';
import { errorText, flashMessage } from '../components/alerts.js';
import { portalLayout, publicLayout, type Brand } from '../components/layouts.js';
import { el, replaceChildren } from '../dom/element.js';
import { DateTimeFormat } from '../format/date-time-format.js';
import { messagesFor, shownLanguageTag, translator } from '../i18n/catalogue.js';
import { PortalPermissions } from '../permissions/portal-permissions.js';
import { pageAfterConsent } from '../router/page-after-consent.js';
import { PUBLIC_ROUTES, type Route } from '../router/routes.js';
import { Router, type Location } from '../router/router.js';
import { PortalBrandCache } from '../session/portal-brand-cache.js';
import { SessionStore, sessionEndReason } from '../session/session-store.js';
import { consentPage } from '../pages/consent.page.js';
import { profilePrivacy } from '../pages/profile-privacy.js';
import { dashboardPage } from '../pages/dashboard.page.js';
import { profilePage } from '../pages/profile.page.js';
import {
  acceptInvitationPage,
  confirmEmailPage,
  forgotPasswordPage,
  loginPage,
  notFoundPage,
  resetPasswordPage,
} from '../pages/public-pages.js';
import { recordCreatePage } from '../pages/record-create.page.js';
import { recordListPage } from '../pages/record-list.page.js';
import { portalUnavailablePage } from '../pages/portal-unavailable.page.js';
import { recordViewPage } from '../pages/record-view.page.js';
import { brandOfMe, brandOfPublic } from './portal-brand.js';
import { PublicPortalLookup } from './public-portal.js';
import type { PortalView, PublicView } from './views.js';

/** The pages before login, by route; any other public route is "page not found". */
const PUBLIC_PAGES: Partial<Record<Route['name'], (view: PublicView) => unknown>> = {
  login: loginPage,
  'accept-invitation': acceptInvitationPage,
  'forgot-password': forgotPasswordPage,
  'reset-password': resetPasswordPage,
  'confirm-email': confirmEmailPage,
};

/** How often the page checks whether the API's idle timeout or the token's lifetime has passed. */
const SESSION_CHECK_MS = 15_000;

/**
 * The portal in the browser: routes each URL to a page, keeps the session as the API does (token
 * lifetime, idle timeout, logout) and sends the user to the login page with the reason when it ends.
 */
export class PortalApp {
  private readonly router: Router;
  private readonly session: SessionStore;
  private readonly brandCache: PortalBrandCache;
  private readonly api: PortalApi;
  private readonly publicPortal: PublicPortalLookup;
  private me: Me | null = null;
  /** Counts renders, so a slow page that finishes after the user moved on changes nothing. */
  private generation = 0;

  constructor(
    private readonly slug: string,
    private readonly root: HTMLElement,
  ) {
    this.router = new Router(slug);
    this.session = new SessionStore(slug);
    this.brandCache = new PortalBrandCache(slug);
    const client = new ApiClient(`/v1/portals/${encodeURIComponent(slug)}`, this.session);
    // The API does not say why it refused the token; idleness is the one cause the page can tell.
    client.onSessionEnded((ended) => this.endSession(sessionEndReason(ended) === 'idle'));
    client.onConsentRequired(() => this.requireConsent());
    this.api = new PortalApi(client);
    this.publicPortal = new PublicPortalLookup(this.api);
  }

  start(): void {
    this.router.start((location) => void this.show(location));
    window.setInterval(() => this.checkSession(), SESSION_CHECK_MS);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.checkSession();
    });
  }

  private async show(location: Location): Promise<void> {
    const generation = ++this.generation;
    const { route } = location;
    if (route.name === 'logout') return this.logout();
    if (PUBLIC_ROUTES.has(route.name)) return this.showPublic(location, generation);

    const stored = this.session.get();
    if (!stored) return this.router.navigate(this.router.href('login'), { replace: true });
    if (this.checkSession()) return;
    if (route.name === 'consent') return this.showConsent(location, generation);
    try {
      this.me ??= await this.api.me();
      this.session.setIdleTimeout(this.me.portal.settings.idleTimeoutMinutes);
    } catch (error) {
      if (generation === this.generation) this.showFailure(error);
      return;
    }
    if (generation !== this.generation) return;
    await this.showPortal(location, this.me, generation);
  }

  private publicView(location: Location, main: HTMLElement, language: string | undefined): PublicView {
    const messages = messagesFor(language);
    const brand = this.brandCache.get();
    return {
      slug: this.slug,
      api: this.api,
      router: this.router,
      messages,
      t: translator(messages),
      main,
      query: location.query,
      flash: location.flash,
      setTitle: (title) => {
        document.title = `${title} – ${brand?.name ?? messages['app.title']}`;
      },
      startSession: (token, expiresIn) => {
        this.session.start(token, expiresIn);
        this.me = null;
        this.router.navigate(this.router.href(''), { replace: true });
      },
    };
  }

  /**
   * The pages before login carry the portal's name, logo and language from GET /public (the last
   * ones seen when the API cannot be reached); a portal that does not exist or is not active shows
   * that instead of any form.
   */
  private async showPublic(location: Location, generation: number): Promise<void> {
    const portal = await this.publicPortal.load();
    if (generation !== this.generation) return;
    if (portal.kind === 'available') this.brandCache.set(portal.brand);
    if (portal.kind === 'unavailable') this.brandCache.clear();
    const view = this.publicFrame(location);
    const page =
      portal.kind === 'unavailable'
        ? portalUnavailablePage
        : (PUBLIC_PAGES[location.route.name] ?? notFoundPage);
    page(view);
    this.focusHeading(view.main, location);
  }

  /** The frame of the pages before login, in the last brand seen; returns the view of its card. */
  private publicFrame(location: Location): PublicView {
    const brand = this.brandCache.get();
    document.documentElement.lang = shownLanguageTag(brand?.language);
    const main = el('div');
    const view = this.publicView(location, main, brand?.language);
    const frameBrand: Brand = { name: brand?.name ?? view.t('app.title'), logoUrl: brand?.logoUrl ?? null };
    replaceChildren(this.root, ...publicLayout(view.t, frameBrand, this.router, main));
    return view;
  }

  /**
   * A live session the API holds until the portal's current terms are accepted: their version
   * from GET /public (asked afresh, as it changes), accepted with POST /me/consents, then on to
   * where the user was going. Nothing else of the portal is shown meanwhile (the API refuses it).
   */
  private async showConsent(location: Location, generation: number): Promise<void> {
    let portal: PortalPublic;
    try {
      portal = await this.api.publicInfo();
    } catch (error) {
      if (generation === this.generation) this.showFailure(error);
      return;
    }
    if (generation !== this.generation) return;
    const next = pageAfterConsent(this.router.base, location.query.get('next'));
    if (!portal.consent) return this.router.navigate(next, { replace: true });
    if (!this.brandCache.get()) this.brandCache.set(brandOfPublic(portal));
    const view = this.publicFrame(location);
    consentPage(view, portal.consent, {
      news: location.flash ?? undefined,
      leave: { href: this.router.href('logout'), label: view.t('nav.logout') },
      accept: async (version) => {
        try {
          await this.api.giveConsent(version);
        } catch (error) {
          if (!(error instanceof ApiError) || error.code !== 'consent_version_not_current') throw error;
          // Changed while the page was open: show the new version.
          const flash = { kind: 'info' as const, message: view.t('consent.changed') };
          return this.router.navigate(window.location.pathname + window.location.search, {
            replace: true,
            flash,
          });
        }
        this.me = null;
        this.router.navigate(next, { replace: true });
      },
    });
    this.focusHeading(view.main, location);
    // Their data stays theirs without the new terms: download it, or ask to be deleted. The
    // portal's date settings come with GET /me, refused here, so dates are shown as ISO days in UTC.
    await profilePrivacy({
      ...view,
      dates: new DateTimeFormat({ timeZone: 'UTC', dateFormat: 'YYYY-MM-DD' }),
      pageHref: window.location.pathname + window.location.search,
    });
  }

  /** An API call was refused until the terms are accepted: the consent page, then back here. */
  private requireConsent(): void {
    const { route } = this.router.current();
    if (route.name === 'consent' || PUBLIC_ROUTES.has(route.name)) return;
    this.me = null;
    const next = window.location.pathname + window.location.search;
    this.router.navigate(this.router.href('consent', { next }), { replace: true });
  }

  private async showPortal(location: Location, me: Me, generation: number): Promise<void> {
    const brand = brandOfMe(me);
    const { language } = brand;
    this.brandCache.set(brand);
    document.documentElement.lang = shownLanguageTag(language);
    const main = el('div', { 'aria-busy': 'true' });
    const view: PortalView = {
      ...this.publicView(location, main, language),
      me,
      permissions: new PortalPermissions(me),
      dates: new DateTimeFormat(me.portal.settings),
      reloadMe: async () => {
        this.me = await this.api.me();
      },
      signedOut: (message) => {
        this.session.clear();
        this.me = null;
        this.router.navigate(this.router.href('login'), { replace: true, flash: { kind: 'info', message } });
      },
    };
    replaceChildren(
      this.root,
      ...portalLayout(view.t, view.messages, brand, me, this.router, window.location.pathname, main),
    );
    try {
      await this.renderPage(view, location.route);
    } catch (error) {
      if (generation !== this.generation) return;
      // A 401 has already moved to the login page (a 403 consent_required to the consent page);
      // anything else is shown where the page would be.
      if (error instanceof ApiError && (error.status === 401 || error.code === 'consent_required')) return;
      replaceChildren(
        main,
        el('h1', { tabindex: '-1' }, view.t('error.title')),
        el('p', { class: 'alert alert-error', role: 'alert' }, errorText(view.t, error)),
      );
    }
    main.removeAttribute('aria-busy');
    if (generation === this.generation) this.focusHeading(main, location);
  }

  private renderPage(view: PortalView, route: Route): Promise<void> | void {
    switch (route.name) {
      case 'home':
      case 'dashboard':
        return dashboardPage(view);
      case 'profile':
        return profilePage(view);
      case 'list':
        return recordListPage(view, route.entityType);
      case 'create':
        return recordCreatePage(view, route.entityType);
      case 'record':
        return recordViewPage(view, route.entityType, route.id);
      default:
        return notFoundPage(view);
    }
  }

  /** Ends the session when the API would already have ended it; true when it did. */
  private checkSession(): boolean {
    const stored = this.session.get();
    if (!stored || PUBLIC_ROUTES.has(this.router.current().route.name)) return false;
    const reason = sessionEndReason(stored);
    if (!reason) return false;
    this.session.clear();
    this.endSession(reason === 'idle');
    return true;
  }

  /** The API refused the token, or the page saw it lapse: back to the login page, saying why. */
  private endSession(idle?: boolean): void {
    this.me = null;
    const t = translator(messagesFor(this.brandCache.get()?.language));
    const message = idle ? t('login.sessionExpired') : t('login.sessionEnded');
    this.router.navigate(this.router.href('login'), { replace: true, flash: { kind: 'info', message } });
  }

  private async logout(): Promise<void> {
    const t = translator(messagesFor(this.brandCache.get()?.language));
    if (this.session.get()) await this.api.logout().catch(() => undefined);
    this.session.clear();
    this.me = null;
    this.router.navigate(this.router.href('login'), {
      replace: true,
      flash: { kind: 'success', message: t('login.loggedOut') },
    });
  }

  private showFailure(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) return;
    const language = this.brandCache.get()?.language;
    const t = translator(messagesFor(language));
    document.documentElement.lang = shownLanguageTag(language);
    const main = el('div');
    const unavailable = error instanceof ApiError && (error.status === 403 || error.status === 404);
    const title = unavailable ? t('portalUnavailable.title') : t('error.title');
    replaceChildren(
      this.root,
      ...publicLayout(
        t,
        { name: this.brandCache.get()?.name ?? t('app.title'), logoUrl: null },
        this.router,
        main,
      ),
    );
    replaceChildren(
      main,
      el('h1', { tabindex: '-1' }, title),
      flashMessage({
        kind: 'error',
        message: unavailable ? t('portalUnavailable.detail') : errorText(t, error),
      }),
      el('p', {}, el('a', { href: this.router.href('logout') }, t('nav.logout'))),
    );
    document.title = title;
  }

  /**
   * After a page change, focus its heading so screen readers announce it and Tab starts there; a
   * page opened with news (the password is changed, the profile is saved) focuses the news instead,
   * as a status message inserted with the page is not reliably announced.
   */
  private focusHeading(main: HTMLElement, location: Location): void {
    const news = location.flash ? main.querySelector<HTMLElement>('.alert[tabindex="-1"]') : null;
    const target = news ?? main.querySelector<HTMLElement>('h1');
    target?.focus({ preventScroll: false });
  }
}
