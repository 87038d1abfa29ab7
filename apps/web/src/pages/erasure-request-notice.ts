import type { MessageKey } from '../i18n/en.js';

/** My latest erasure request as GET …/me/erasure-request answers it (null: I never asked). */
export interface ErasureRequestState {
  status: 'pending' | 'approved' | 'refused';
  requestedAt: string;
  decidedAt: string | null;
  refusalReason: string | null;
}

export interface ErasureNotice {
  key: MessageKey;
  params: Record<string, string>;
  /** Whether the "Delete my account" form is offered (not while a request waits). */
  canRequest: boolean;
}

/** What the profile says about my account's deletion, and whether I may ask (again). */
export function erasureNotice(
  request: ErasureRequestState | null,
  formatDate: (iso: string) => string,
): ErasureNotice {
  if (request === null) return { key: 'privacy.erasure.none', params: {}, canRequest: true };
  const requested = formatDate(request.requestedAt);
  if (request.status === 'pending') {
    return { key: 'privacy.erasure.pending', params: { date: requested }, canRequest: false };
  }
  if (request.status === 'refused') {
    return {
      key: 'privacy.erasure.refused',
      params: { date: requested, reason: request.refusalReason ?? '' },
      canRequest: true,
    };
  }
  // Approved: the account is erased a moment later and this session ends with it.
  return { key: 'privacy.erasure.approved', params: { date: requested }, canRequest: false };
}

/** The name the downloaded export is saved under. */
export function exportFileName(slug: string, now: Date): string {
  return `my-data-${slug}-${now.toISOString().slice(0, 10)}.json`;
}
