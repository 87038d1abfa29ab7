/** The portal's name, logo and language, remembered for the pages shown before logging in. */
export interface PortalBrand {
  name: string;
  logoUrl: string | null;
  language: string;
}

/** localStorage: the brand is public and should survive the tab, so the next login page shows it. */
export class PortalBrandCache {
  private readonly key: string;

  constructor(slug: string) {
    this.key = `portal:${slug}:brand`;
  }

  get(): PortalBrand | null {
    try {
      const value = JSON.parse(window.localStorage.getItem(this.key) ?? 'null') as PortalBrand | null;
      return value && typeof value.name === 'string' ? value : null;
    } catch {
      return null;
    }
  }

  set(brand: PortalBrand): void {
    try {
      window.localStorage.setItem(this.key, JSON.stringify(brand));
    } catch {
      // Storage full or disabled: the login page then shows the generic title.
    }
  }

  /** The portal is gone or inactive: nothing of it is shown any more. */
  clear(): void {
    try {
      window.localStorage.removeItem(this.key);
    } catch {
      // Storage disabled: there is nothing to clear.
    }
  }
}
