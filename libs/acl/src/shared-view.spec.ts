// Examples for each rule of the two shared views, one condition changed at a time (the property in
// acl.properties.spec.ts checks on random inputs that a view never shows more than its creator sees).
import type { AclRecord } from './acl-record';
import type { AclUser } from './acl-user';
import type { AclAttachment } from './attachment-access';
import { mergeRoles } from './merge-roles';
import type { PortalContext } from './portal-context';
import type { ScopePermissions } from './portal-role';
import { portalUserSharedView, staffSharedView, type SharedContent } from './shared-view';
import { anAccountCase } from './testing/account-case';

interface Comment {
  id: string;
  isInternal: boolean;
}

const portal: PortalContext = { portalId: 'portal-1', tabList: ['Case'], recordCriteria: {} };
const creator: AclUser = {
  portalUserId: 'pu-1',
  portalId: 'portal-1',
  contactId: 'c-1',
  accountIds: ['a-1'],
};
const readAndStream = { read: 'account', stream: 'account' } as const;

function permsFor(scope: ScopePermissions) {
  return mergeRoles([
    { id: 'role-1', name: 'Role', scopes: { Case: scope }, fields: { Case: { secret: { read: 'no' } } } },
  ]);
}

function aCase(overrides: Partial<AclRecord> = {}): AclRecord {
  return anAccountCase({ fields: { name: 'Printer', secret: 'x', isInternal: false }, ...overrides });
}

const publicComment = { id: 'cm-public', isInternal: false };
const internalComment = { id: 'cm-internal', isInternal: true };
const looseFile: AclAttachment = {
  recordId: 'case-1',
  isInternal: false,
  commentId: null,
  commentIsInternal: false,
};
const commentFile: AclAttachment = { ...looseFile, commentId: 'cm-public' };
const internalFile: AclAttachment = { ...looseFile, isInternal: true };
const internalCommentFile: AclAttachment = {
  ...looseFile,
  commentId: 'cm-internal',
  commentIsInternal: true,
};
const otherRecordFile: AclAttachment = { ...looseFile, recordId: 'case-2' };

function content(include: {
  comments: boolean;
  attachments: boolean;
}): SharedContent<Comment, AclAttachment> {
  return {
    comments: [publicComment, internalComment],
    includeComments: include.comments,
    attachments: [looseFile, commentFile, internalFile, internalCommentFile, otherRecordFile],
    includeAttachments: include.attachments,
  };
}
const everything = { comments: true, attachments: true };

describe('portalUserSharedView', () => {
  it('given everything included and a creator who streams, then readable fields, public comments and readable files', () => {
    expect(
      portalUserSharedView(portal, permsFor(readAndStream), creator, aCase(), content(everything)),
    ).toEqual({
      fields: { name: 'Printer' },
      comments: [publicComment],
      attachments: [looseFile, commentFile],
    });
  });

  it('given a record the creator cannot read any more, then the link is dead', () => {
    const perms = permsFor(readAndStream);
    expect(
      portalUserSharedView(portal, perms, creator, aCase({ accountIds: ['a-2'] }), content(everything)),
    ).toBeNull();
    expect(
      portalUserSharedView(portal, perms, creator, aCase({ isInternal: true }), content(everything)),
    ).toBeNull();
  });

  it('given a creator without the stream level, then no comments and no file of a comment', () => {
    expect(
      portalUserSharedView(portal, permsFor({ read: 'account' }), creator, aCase(), content(everything)),
    ).toEqual({
      fields: { name: 'Printer' },
      comments: [],
      attachments: [looseFile],
    });
  });

  it('given a link without comments, then neither comments nor the files posted with them', () => {
    const view = portalUserSharedView(
      portal,
      permsFor(readAndStream),
      creator,
      aCase(),
      content({ comments: false, attachments: true }),
    );
    expect(view?.comments).toEqual([]);
    expect(view?.attachments).toEqual([looseFile]);
  });

  it('given a link without files, then no files', () => {
    const view = portalUserSharedView(
      portal,
      permsFor(readAndStream),
      creator,
      aCase(),
      content({ comments: true, attachments: false }),
    );
    expect(view?.comments).toEqual([publicComment]);
    expect(view?.attachments).toEqual([]);
  });
});

describe('staffSharedView', () => {
  it('given everything included, then every field but isInternal, public comments and public files of the record', () => {
    expect(staffSharedView(aCase(), content(everything))).toEqual({
      fields: { name: 'Printer', secret: 'x' },
      comments: [publicComment],
      attachments: [looseFile, commentFile],
    });
  });

  it('given a deleted or internal record, then the link is dead', () => {
    expect(staffSharedView(aCase({ deleted: true }), content(everything))).toBeNull();
    expect(staffSharedView(aCase({ isInternal: true }), content(everything))).toBeNull();
  });

  it('given a link without comments, then neither comments nor the files posted with them', () => {
    expect(staffSharedView(aCase(), content({ comments: false, attachments: true }))).toEqual({
      fields: { name: 'Printer', secret: 'x' },
      comments: [],
      attachments: [looseFile],
    });
  });

  it('given a link without files, then no files', () => {
    expect(staffSharedView(aCase(), content({ comments: true, attachments: false }))?.attachments).toEqual(
      [],
    );
  });
});
