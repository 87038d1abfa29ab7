import { renderSharedGone, renderSharedRecord, type SharedRecord } from './shared-record.page.js';

/**
 * `/s/{token}`: a record someone shared, for a visitor without an account. No session, no
 * navigation into the portal: one call to the public endpoint with the token, then one page.
 */
export class SharedRecordApp {
  constructor(
    private readonly token: string,
    private readonly root: HTMLElement,
  ) {}

  async start(): Promise<void> {
    const response = await fetch(`/v1/shared/${encodeURIComponent(this.token)}`, {
      headers: { accept: 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    }).catch(() => null);
    if (!response?.ok) return renderSharedGone(this.root);
    renderSharedRecord(this.root, (await response.json()) as SharedRecord, this.token);
  }
}
