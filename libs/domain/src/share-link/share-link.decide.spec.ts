import {
  decideCreateShareLink,
  decideNoticeShareLinkView,
  decideRevokeShareLink,
  isShareLinkLive,
} from './share-link.decide';
import type { CreateShareLink } from './share-link.commands';
import type { ShareLinkEvent } from './share-link.events';
import { DEFAULT_SHARE_LINK_DAYS, shareLinkExpiry, STAFF_SHARE_LINK_MAX_DAYS } from './share-link.expiry';
import { given, refusal } from './testing/share-link.scenario';

const NOW = '2026-03-01T10:00:00.000Z';
const HASH = 'a'.repeat(64);

function command(overrides: Partial<CreateShareLink> = {}): CreateShareLink {
  return {
    type: 'CreateShareLink',
    linkId: 'link-1',
    tokenHash: HASH,
    entityType: 'Case',
    recordId: 'case-1',
    createdBy: { type: 'portalUser', id: 'user-1', portalId: 'portal-1' },
    maxDays: 30,
    now: NOW,
    ...overrides,
  };
}

const created = (expiresAt = '2026-03-08T10:00:00.000Z'): ShareLinkEvent => ({
  type: 'ShareLinkCreated',
  data: {
    linkId: 'link-1',
    tokenHash: HASH,
    entityType: 'Case',
    recordId: 'case-1',
    createdBy: { type: 'staff', id: 'staff-1' },
    expiresAt,
    includeComments: true,
    includeAttachments: false,
    note: null,
  },
});

describe('decideCreateShareLink', () => {
  it('keeps the token hash and expires after 7 days by default', () => {
    const [event] = decideCreateShareLink(command({ includeComments: true, note: '  for Bob ' }), given([]));
    expect(event).toEqual({
      type: 'ShareLinkCreated',
      data: {
        linkId: 'link-1',
        tokenHash: HASH,
        entityType: 'Case',
        recordId: 'case-1',
        createdBy: { type: 'portalUser', id: 'user-1', portalId: 'portal-1' },
        expiresAt: '2026-03-08T10:00:00.000Z',
        includeComments: true,
        includeAttachments: false,
        note: 'for Bob',
      },
    });
  });

  it('defaults to the maximum when the maximum is shorter than 7 days', () => {
    const [event] = decideCreateShareLink(command({ maxDays: 2 }), given([]));
    expect(event.data.expiresAt).toBe('2026-03-03T10:00:00.000Z');
  });

  it('takes an expiry up to the maximum, normalised to UTC', () => {
    const [event] = decideCreateShareLink(
      command({ expiresAt: '2026-03-31T12:00:00+02:00', maxDays: 30 }),
      given([]),
    );
    expect(event.data.expiresAt).toBe('2026-03-31T10:00:00.000Z');
  });

  it.each([
    ['one millisecond past the maximum', '2026-03-31T10:00:00.001Z', 'must be at most 30 days from now'],
    ['now', NOW, 'must be in the future'],
    ['the past', '2026-02-01T10:00:00Z', 'must be in the future'],
    ['no time zone', '2026-03-05T10:00:00', 'must be an ISO-8601 time with a time zone'],
    ['not a time', 'tomorrow', 'must be an ISO-8601 time with a time zone'],
  ])('refuses an expiry at %s (422 invalid_share_link_expiry)', (_, expiresAt, message) => {
    const error = refusal(() => decideCreateShareLink(command({ expiresAt }), given([])));
    expect(error.code).toBe('invalid_share_link_expiry');
    expect(error.kind).toBe('invalid');
    expect(error.errors).toEqual([{ path: 'expiresAt', message }]);
  });

  it('refuses a note over 500 characters and stores a blank one as null', () => {
    expect(refusal(() => decideCreateShareLink(command({ note: 'x'.repeat(501) }), given([]))).code).toBe(
      'invalid_share_link_note',
    );
    expect(decideCreateShareLink(command({ note: '   ' }), given([]))[0].data.note).toBeNull();
  });

  it('refuses a second creation on the same stream (conflict)', () => {
    const error = refusal(() => decideCreateShareLink(command(), given([created()])));
    expect([error.code, error.kind]).toEqual(['share_link_exists', 'conflict']);
  });

  it('never takes a token in place of its hash', () => {
    expect(() => decideCreateShareLink(command({ tokenHash: 'the-token-itself' }), given([]))).toThrow(
      'SHA-256',
    );
  });
});

describe('decideCreateShareLink: what it tells', () => {
  it('takes a note of exactly 500 characters, trimmed, and tells the limit of a longer one', () => {
    const note = 'x'.repeat(500);
    expect(decideCreateShareLink(command({ note: ` ${note} ` }), given([]))[0].data.note).toBe(note);
    const error = refusal(() => decideCreateShareLink(command({ note: `${note}y` }), given([])));
    expect([error.kind, error.message, error.errors]).toEqual([
      'invalid',
      'The note is too long.',
      [{ path: 'note', message: 'must be at most 500 characters' }],
    ]);
  });

  it('stores no note as null and no include flags as false', () => {
    const [event] = decideCreateShareLink(command(), given([]));
    expect([event.data.note, event.data.includeComments, event.data.includeAttachments]).toEqual([
      null,
      false,
      false,
    ]);
  });

  it('tells that the link exists already', () => {
    expect(refusal(() => decideCreateShareLink(command(), given([created()]))).message).toBe(
      'This share link exists already.',
    );
  });

  it.each(['A'.repeat(64), `${HASH}0`, `0${HASH}`, 'a'.repeat(63)])(
    'takes only 64 lowercase hex digits as the token hash, not %s',
    (tokenHash) => {
      expect(() => decideCreateShareLink(command({ tokenHash }), given([]))).toThrow(
        'A share link keeps a SHA-256 hex token hash',
      );
    },
  );
});

describe('shareLinkExpiry', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SHARE_LINK_DAYS).toBe(7);
    expect(STAFF_SHARE_LINK_MAX_DAYS).toBe(90);
    expect(shareLinkExpiry(NOW, '2026-05-30T10:00:00Z', STAFF_SHARE_LINK_MAX_DAYS)).toBe(
      '2026-05-30T10:00:00.000Z',
    );
    expect(() => shareLinkExpiry(NOW, '2026-05-30T10:00:01Z', STAFF_SHARE_LINK_MAX_DAYS)).toThrow();
  });
});

describe('decideRevokeShareLink', () => {
  it('revokes once, then is a no-op', () => {
    expect(decideRevokeShareLink({ type: 'RevokeShareLink' }, given([created()]))).toEqual([
      { type: 'ShareLinkRevoked', data: { linkId: 'link-1' } },
    ]);
    const revoked = given([created(), { type: 'ShareLinkRevoked', data: { linkId: 'link-1' } }]);
    expect(decideRevokeShareLink({ type: 'RevokeShareLink' }, revoked)).toEqual([]);
  });

  it('refuses an unknown link with 404 share_link_not_found', () => {
    const error = refusal(() => decideRevokeShareLink({ type: 'RevokeShareLink' }, given([])));
    expect([error.code, error.kind]).toEqual(['share_link_not_found', 'not-found']);
    expect(error.message).toBe('Share link not found.');
  });
});

describe('decideNoticeShareLinkView', () => {
  const view = (now: string) => ({ type: 'NoticeShareLinkView' as const, now });

  it('records the first opening of a live link once', () => {
    const opened = decideNoticeShareLinkView(view(NOW), given([created()]));
    expect(opened).toEqual([{ type: 'ShareLinkFirstOpened', data: { linkId: 'link-1', at: NOW } }]);
    expect(decideNoticeShareLinkView(view(NOW), given([created(), ...opened]))).toEqual([]);
  });

  it('keeps the first opening when two views both recorded one (concurrent first views)', () => {
    const first = { type: 'ShareLinkFirstOpened' as const, data: { linkId: 'link-1', at: NOW } };
    const second = {
      type: 'ShareLinkFirstOpened' as const,
      data: { linkId: 'link-1', at: '2026-03-02T10:00:00.000Z' },
    };
    expect(given([created(), first, second]).firstOpenedAt).toBe(NOW);
  });

  it('records an expiry the first time a view finds it, at the expiry instant already', () => {
    const at = '2026-03-08T10:00:00.000Z';
    const expired = decideNoticeShareLinkView(view(at), given([created(at)]));
    expect(expired).toEqual([{ type: 'ShareLinkExpired', data: { linkId: 'link-1', expiresAt: at } }]);
    expect(decideNoticeShareLinkView(view(at), given([created(at), ...expired]))).toEqual([]);
  });

  it('records nothing for a revoked or unknown link', () => {
    const revoked = given([created(), { type: 'ShareLinkRevoked', data: { linkId: 'link-1' } }]);
    expect(decideNoticeShareLinkView(view(NOW), revoked)).toEqual([]);
    expect(decideNoticeShareLinkView(view(NOW), given([]))).toEqual([]);
  });
});

describe('isShareLinkLive', () => {
  it('is live until the expiry instant, and never once revoked', () => {
    const state = given([created('2026-03-08T10:00:00.000Z')]);
    expect(isShareLinkLive(state, '2026-03-08T09:59:59.999Z')).toBe(true);
    expect(isShareLinkLive(state, '2026-03-08T10:00:00.000Z')).toBe(false);
    const revoked = given([created(), { type: 'ShareLinkRevoked', data: { linkId: 'link-1' } }]);
    expect(isShareLinkLive(revoked, NOW)).toBe(false);
    expect(isShareLinkLive(given([]), NOW)).toBe(false);
  });
});
