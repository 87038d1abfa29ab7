// Property tests: the ACL against a deliberately simple reference model written separately below
// from the rules as stated (no filters, no merging structures: loops over the raw roles).
import fc from 'fast-check';
import {
  canAttach,
  canCreate,
  canReadAttachment,
  canDelete,
  canEdit,
  canRead,
  canShare,
  canStream,
  checkWritableFields,
  explain,
  isFieldEditable,
  isFieldReadable,
  matchesRecordFilter,
  mergeRoles,
  portalUserSharedView,
  projectReadable,
  scopeFilter,
  scopeOf,
  staffSharedView,
  type AclAttachment,
  type AclRecord,
  type AclUser,
  type Criterion,
  type FieldPermission,
  type PortalContext,
  type RoleDefinition,
} from './index';
import { propertyRuns } from './testing/property-runs';

// ---------------------------------------------------------------- reference model

type Level = 'no' | 'own' | 'contact' | 'account' | 'all';
type RecAction = 'read' | 'edit' | 'delete' | 'stream' | 'share';
const ORDER: Level[] = ['no', 'own', 'contact', 'account', 'all'];
const SYSTEM_READ_ONLY = [
  'id',
  'entityType',
  'createdAt',
  'createdBy',
  'modifiedAt',
  'modifiedBy',
  'createdByPortalUserId',
  'modifiedByPortalUserId',
  'deleted',
  'isInternal',
  'version',
  'assignedUserId',
  'teamIds',
  'accountId',
  'accountIds',
  'contactId',
  'contactIds',
  'portalIds',
];

const ref = {
  level(roles: RoleDefinition[], type: string, action: RecAction): Level {
    let best: Level = 'no';
    for (const role of roles) {
      const level = (role.scopes[type]?.[action] ?? 'no') as Level;
      if (ORDER.indexOf(level) > ORDER.indexOf(best)) best = level;
    }
    return best;
  },
  grantedBy(roles: RoleDefinition[], type: string, action: RecAction): string[] {
    const best = ref.level(roles, type, action);
    if (best === 'no') return [];
    return roles.filter((r) => r.scopes[type]?.[action] === best).map((r) => r.id);
  },
  canCreate(ctx: PortalContext, roles: RoleDefinition[], type: string): boolean {
    return ctx.tabList.includes(type) && roles.some((r) => r.scopes[type]?.create === 'yes');
  },
  fieldReadable(roles: RoleDefinition[], type: string, field: string): boolean {
    if (field === 'isInternal') return false;
    return roles.some(
      (r) => (r.scopes[type]?.read ?? 'no') !== 'no' && (r.fields[type]?.[field]?.read ?? 'yes') === 'yes',
    );
  },
  fieldEditable(roles: RoleDefinition[], type: string, field: string): boolean {
    if (SYSTEM_READ_ONLY.includes(field)) return false;
    return roles.some(
      (r) =>
        (r.scopes[type]?.read ?? 'no') !== 'no' &&
        (r.fields[type]?.[field]?.read ?? 'yes') === 'yes' &&
        (r.fields[type]?.[field]?.edit ?? 'yes') === 'yes',
    );
  },
  criterionHolds(record: AclRecord, c: Criterion): boolean {
    const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
    const raw = record.fields[c.field];
    const v = raw === undefined ? null : raw;
    const scalarValue = isScalar(v);
    if (c.op === 'eq') return isScalar(c.value) && scalarValue && v === c.value;
    if (c.op === 'ne') return isScalar(c.value) && !(scalarValue && v === c.value);
    if (!Array.isArray(c.value) || !c.value.every(isScalar)) return false;
    const inList = scalarValue && c.value.includes(v);
    return c.op === 'in' ? inList : !inList;
  },
  exposed(ctx: PortalContext, user: AclUser, record: AclRecord): boolean {
    if (user.portalId !== ctx.portalId) return false;
    if (!ctx.tabList.includes(record.entityType)) return false;
    if (record.deleted || record.isInternal) return false;
    if (!(ctx.recordCriteria[record.entityType] ?? []).every((c) => ref.criterionHolds(record, c)))
      return false;
    if (record.entityType === 'KnowledgeBaseArticle') {
      if (record.fields.status !== 'Published') return false;
      if (!(record.portalIds ?? []).includes(ctx.portalId)) return false;
    }
    return true;
  },
  reaches(level: Level, user: AclUser, record: AclRecord): boolean {
    if (level === 'no') return false;
    if (level === 'all') return true;
    const sharesAccount = record.accountIds.some((a) => user.accountIds.includes(a));
    if (record.entityType === 'KnowledgeBaseArticle') {
      return record.accountIds.length === 0 || (level === 'account' && sharesAccount);
    }
    const own = record.createdByPortalUserId === user.portalUserId;
    const viaContact = user.contactId !== null && record.contactIds.includes(user.contactId);
    if (level === 'own') return own;
    if (level === 'contact') return own || viaContact;
    return own || viaContact || sharesAccount;
  },
  can(
    ctx: PortalContext,
    roles: RoleDefinition[],
    user: AclUser,
    record: AclRecord,
    action: RecAction,
  ): boolean {
    if (!ref.exposed(ctx, user, record)) return false;
    if (!ref.reaches(ref.level(roles, record.entityType, 'read'), user, record)) return false;
    return ref.reaches(ref.level(roles, record.entityType, action), user, record);
  },
  /** Written from the rules as stated: a file is seen with its record, never internal, its comment's stream level. */
  seesAttachment(
    ctx: PortalContext,
    roles: RoleDefinition[],
    user: AclUser,
    record: AclRecord,
    file: AclAttachment,
  ): boolean {
    if (file.recordId !== record.id || file.isInternal) return false;
    if (file.commentId !== null && (file.commentIsInternal || !ref.can(ctx, roles, user, record, 'stream')))
      return false;
    return ref.can(ctx, roles, user, record, 'read');
  },
  attaches(ctx: PortalContext, roles: RoleDefinition[], user: AclUser, record: AclRecord): boolean {
    const own = record.createdByPortalUserId === user.portalUserId;
    return ref.can(ctx, roles, user, record, 'read') && (own || ref.can(ctx, roles, user, record, 'stream'));
  },
};

// ---------------------------------------------------------------- generators

const TYPES = ['Case', 'KnowledgeBaseArticle', 'Account', 'Document'];
const FIELDS = [
  'name',
  'status',
  'priority',
  'internalNotes',
  'assignedUserId',
  'teamIds',
  'id',
  'isInternal',
];
const ACTIONS: RecAction[] = ['read', 'edit', 'delete', 'stream', 'share'];
const levelArb = fc.constantFrom<Level>(...ORDER);
const yesNo = fc.constantFrom<'yes' | 'no'>('yes', 'no');
const scalarArb = fc.constantFrom<string | number | boolean | null>(
  'Open',
  'Closed',
  'Published',
  'Draft',
  1,
  true,
  null,
);

function typeMap<T>(value: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> {
  return fc.record(Object.fromEntries(TYPES.map((t) => [t, value])), { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, T>
  >;
}

const scopeArb = fc.record(
  {
    create: fc.constantFrom<'yes' | 'no'>('yes', 'no'),
    read: levelArb,
    edit: levelArb,
    delete: levelArb,
    stream: levelArb,
    share: levelArb,
  },
  { requiredKeys: [] },
);
const fieldPermArb = fc.record({ read: yesNo, edit: yesNo }, { requiredKeys: [] });
const roleFieldsArb = fc.record(Object.fromEntries(FIELDS.map((f) => [f, fieldPermArb])), {
  requiredKeys: [],
}) as fc.Arbitrary<Record<string, FieldPermission>>;

const rolesArb: fc.Arbitrary<RoleDefinition[]> = fc
  .array(fc.record({ scopes: typeMap(scopeArb), fields: typeMap(roleFieldsArb) }), { maxLength: 4 })
  .map((roles) => roles.map((r, i) => ({ id: `r${i}`, name: `Role ${i}`, ...r })));

const criterionArb: fc.Arbitrary<Criterion> = fc.oneof(
  fc.record({
    field: fc.constantFrom('status', 'priority'),
    op: fc.constantFrom<'eq' | 'ne'>('eq', 'ne'),
    value: fc.oneof({ weight: 9, arbitrary: scalarArb }, { weight: 1, arbitrary: fc.constant(['Open']) }),
  }),
  fc.record({
    field: fc.constantFrom('status', 'priority'),
    op: fc.constantFrom<'in' | 'notIn'>('in', 'notIn'),
    value: fc.oneof(
      { weight: 9, arbitrary: fc.array(scalarArb, { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constant('Open') },
    ),
  }),
);

const ctxArb: fc.Arbitrary<PortalContext> = fc.record({
  portalId: fc.constantFrom('p1', 'p2'),
  tabList: fc.subarray(TYPES),
  recordCriteria: typeMap(fc.array(criterionArb, { maxLength: 2 })),
});

const userArb: fc.Arbitrary<AclUser> = fc.record({
  portalUserId: fc.constantFrom('pu1', 'pu2'),
  portalId: fc.constantFrom('p1', 'p1', 'p1', 'p2'),
  contactId: fc.constantFrom(null, 'c1', 'c2'),
  accountIds: fc.subarray(['a1', 'a2', 'a3']),
});

const recordFieldsArb = fc.record(
  {
    name: fc.constantFrom('A', 'B'),
    status: fc.oneof({ weight: 9, arbitrary: scalarArb }, { weight: 1, arbitrary: fc.constant(['Open']) }),
    priority: scalarArb,
    internalNotes: fc.constant('secret'),
    assignedUserId: fc.constant('staff-1'),
    isInternal: fc.boolean(),
  },
  { requiredKeys: [] },
);

const recordArb: fc.Arbitrary<AclRecord> = fc
  .record({
    entityType: fc.constantFrom(...TYPES),
    fields: recordFieldsArb,
    createdByPortalUserId: fc.constantFrom(null, 'pu1', 'pu2'),
    contactIds: fc.subarray(['c1', 'c2', 'c3']),
    accountIds: fc.subarray(['a1', 'a2', 'a3']),
    isInternal: fc.boolean(),
    deleted: fc.boolean(),
    portalIds: fc.option(fc.subarray(['p1', 'p2']), { nil: undefined }),
  })
  .map((r) => {
    const { portalIds, ...rest } = r;
    return { id: 'rec', ...rest, ...(portalIds === undefined ? {} : { portalIds }) };
  });

const recordsArb = fc
  .array(recordArb, { maxLength: 25 })
  .map((records) => records.map((r, i) => ({ ...r, id: `rec-${i}` })));

const attachmentArb: fc.Arbitrary<AclAttachment> = fc
  .record({
    recordId: fc.constantFrom('rec', 'rec', 'rec', 'other'),
    isInternal: fc.boolean(),
    commentId: fc.constantFrom(null, 'comment-1'),
    commentIsInternal: fc.boolean(),
  })
  // A file without a comment has no comment flag to carry.
  .map((a) => (a.commentId === null ? { ...a, commentIsInternal: false } : a));

const checks = { read: canRead, edit: canEdit, delete: canDelete, stream: canStream, share: canShare };
const RUNS = propertyRuns(300);

// ---------------------------------------------------------------- properties

describe('ACL properties against the reference model', () => {
  it('(1) mergeRoles agrees with the reference on levels, granting roles and fields', () => {
    fc.assert(
      fc.property(rolesArb, ctxArb, (roles, ctx) => {
        const perms = mergeRoles(roles);
        for (const type of TYPES) {
          const scope = scopeOf(perms, type);
          for (const action of ACTIONS) {
            expect(scope[action].level).toBe(ref.level(roles, type, action));
            expect(scope[action].grantedBy.map((r) => r.id)).toEqual(ref.grantedBy(roles, type, action));
          }
          const creators = roles.filter((r) => r.scopes[type]?.create === 'yes').map((r) => r.id);
          expect(scope.create.level).toBe(creators.length > 0 ? 'yes' : 'no');
          expect(scope.create.grantedBy.map((r) => r.id)).toEqual(creators);
          expect(canCreate(ctx, perms, type)).toBe(ref.canCreate(ctx, roles, type));
          for (const field of FIELDS) {
            expect(isFieldReadable(perms, type, field)).toBe(ref.fieldReadable(roles, type, field));
            expect(isFieldEditable(perms, type, field)).toBe(ref.fieldEditable(roles, type, field));
          }
        }
      }),
      RUNS,
    );
  });

  it('(2) canRead/canEdit/canDelete/canStream agree with the reference', () => {
    fc.assert(
      fc.property(ctxArb, rolesArb, userArb, recordArb, (ctx, roles, user, record) => {
        const perms = mergeRoles(roles);
        for (const action of ACTIONS) {
          expect(checks[action](ctx, perms, user, record)).toBe(ref.can(ctx, roles, user, record, action));
        }
      }),
      propertyRuns(1000),
    );
  });

  it('(3) the scope filter selects from a record set exactly what single checks and the reference accept', () => {
    fc.assert(
      fc.property(
        ctxArb,
        rolesArb,
        userArb,
        recordsArb,
        fc.constantFrom(...TYPES),
        (ctx, roles, user, records, type) => {
          const perms = mergeRoles(roles);
          for (const action of ACTIONS) {
            const filter = scopeFilter(ctx, perms, user, type, action);
            const listed = records.filter((r) => matchesRecordFilter(r, filter)).map((r) => r.id);
            const ofType = records.filter((r) => r.entityType === type);
            expect(listed).toEqual(
              ofType.filter((r) => checks[action](ctx, perms, user, r)).map((r) => r.id),
            );
            expect(listed).toEqual(
              ofType.filter((r) => ref.can(ctx, roles, user, r, action)).map((r) => r.id),
            );
          }
        },
      ),
      RUNS,
    );
  });

  it('(6) a shared view never shows what its creator could not read: hidden fields, internal records, comments or files', () => {
    const commentsArb = fc.array(
      fc.record({ id: fc.constantFrom('k1', 'k2', 'k3'), isInternal: fc.boolean() }),
      { maxLength: 4 },
    );
    const filesArb = fc
      .array(attachmentArb, { maxLength: 5 })
      .map((files) => files.map((file, i) => ({ ...file, id: `file-${i}` })));
    fc.assert(
      fc.property(
        ctxArb,
        rolesArb,
        userArb,
        recordArb,
        commentsArb,
        filesArb,
        fc.boolean(),
        fc.boolean(),
        (ctx, roles, user, record, comments, files, includeComments, includeAttachments) => {
          const content = { comments, includeComments, attachments: files, includeAttachments };
          const view = portalUserSharedView(ctx, mergeRoles(roles), user, record, content);
          // Dead exactly when the creator cannot read the record now (internal and deleted included).
          expect(view === null).toBe(!ref.can(ctx, roles, user, record, 'read'));
          if (view === null) return;
          expect(record.isInternal || record.deleted).toBe(false);
          for (const field of Object.keys(view.fields)) {
            expect(ref.fieldReadable(roles, record.entityType, field)).toBe(true);
          }
          expect(view.fields).not.toHaveProperty('isInternal');
          expect(view.comments.every((comment) => !comment.isInternal)).toBe(true);
          if (!includeComments || !ref.can(ctx, roles, user, record, 'stream'))
            expect(view.comments).toEqual([]);
          else expect(view.comments).toEqual(comments.filter((comment) => !comment.isInternal));
          // Files: only those the creator sees by the reference, never internal or an internal
          // comment's, a comment's only beside the comments, none unless the link includes files.
          for (const file of view.attachments) {
            expect(ref.seesAttachment(ctx, roles, user, record, file)).toBe(true);
            expect(file.isInternal || file.commentIsInternal).toBe(false);
          }
          expect(view.attachments).toEqual(
            includeAttachments
              ? files.filter(
                  (file) =>
                    (file.commentId === null || includeComments) &&
                    ref.seesAttachment(ctx, roles, user, record, file),
                )
              : [],
          );
        },
      ),
      propertyRuns(1000),
    );
  });

  it('(6) a link made by staff never shows an internal record, comment or file, nor a file of another record', () => {
    const commentsArb = fc.array(fc.record({ isInternal: fc.boolean() }), { maxLength: 4 });
    fc.assert(
      fc.property(
        recordArb,
        commentsArb,
        fc.array(attachmentArb, { maxLength: 5 }),
        fc.boolean(),
        fc.boolean(),
        (record, comments, files, includeComments, includeAttachments) => {
          const content = { comments, includeComments, attachments: files, includeAttachments };
          const view = staffSharedView(record, content);
          expect(view === null).toBe(record.deleted || record.isInternal);
          if (view === null) return;
          expect(view.fields).not.toHaveProperty('isInternal');
          expect(view.comments.every((comment) => !comment.isInternal)).toBe(true);
          expect(view.attachments).toEqual(
            files.filter(
              (file) =>
                includeAttachments &&
                file.recordId === record.id &&
                !file.isInternal &&
                !file.commentIsInternal &&
                (file.commentId === null || includeComments),
            ),
          );
        },
      ),
      propertyRuns(500),
    );
  });

  it('(4) edit, delete, stream and share never reach beyond read', () => {
    fc.assert(
      fc.property(ctxArb, rolesArb, userArb, recordArb, (ctx, roles, user, record) => {
        const perms = mergeRoles(roles);
        const readable = canRead(ctx, perms, user, record);
        for (const check of [canEdit, canDelete, canStream, canShare]) {
          if (check(ctx, perms, user, record)) expect(readable).toBe(true);
        }
      }),
      propertyRuns(1000),
    );
  });

  it('(5) projectReadable never returns a field the merged roles hide, and keeps every other', () => {
    fc.assert(
      fc.property(rolesArb, fc.constantFrom(...TYPES), recordFieldsArb, (roles, type, fields) => {
        const projected = projectReadable(mergeRoles(roles), type, fields);
        for (const field of Object.keys(projected)) expect(ref.fieldReadable(roles, type, field)).toBe(true);
        const expected = Object.keys(fields).filter((f) => ref.fieldReadable(roles, type, f));
        expect(Object.keys(projected).sort()).toEqual(expected.sort());
        expect(projected).not.toHaveProperty('isInternal');
      }),
      RUNS,
    );
  });

  it('checkWritableFields refuses exactly the fields the reference does not let the user set', () => {
    fc.assert(
      fc.property(rolesArb, fc.constantFrom(...TYPES), fc.subarray(FIELDS), (roles, type, names) => {
        expect(checkWritableFields(mergeRoles(roles), type, names)).toEqual(
          names.filter((f) => !ref.fieldEditable(roles, type, f)),
        );
      }),
      RUNS,
    );
  });

  it('explain agrees with the checks and gives a reason exactly when it refuses', () => {
    const exposureReasons = [
      'wrong_portal',
      'not_in_tab_list',
      'deleted',
      'internal',
      'record_criteria',
      'not_published',
      'not_in_portal',
    ];
    fc.assert(
      fc.property(ctxArb, rolesArb, userArb, recordArb, (ctx, roles, user, record) => {
        const perms = mergeRoles(roles);
        const explanation = explain(ctx, perms, user, record, record.entityType);
        for (const action of ACTIONS) {
          const result = explanation.actions[action];
          expect(result.allowed).toBe(checks[action](ctx, perms, user, record));
          expect(result.level).toBe(ref.level(roles, record.entityType, action));
          expect(result.reason === undefined).toBe(result.allowed);
          if (!ref.exposed(ctx, user, record)) expect(exposureReasons).toContain(result.reason);
        }
        expect(explanation.actions.create.allowed).toBe(ref.canCreate(ctx, roles, record.entityType));
        expect(explanation.actions.create.reason === undefined).toBe(explanation.actions.create.allowed);
      }),
      RUNS,
    );
  });

  it('(6) attachments: never visible where the parent record is not, nor internal ones; agree with the reference', () => {
    fc.assert(
      fc.property(ctxArb, rolesArb, userArb, recordArb, attachmentArb, (ctx, roles, user, record, file) => {
        const perms = mergeRoles(roles);
        const sees = canReadAttachment(ctx, perms, user, record, file);
        if (sees) {
          expect(canRead(ctx, perms, user, record)).toBe(true);
          expect(file.isInternal || file.commentIsInternal || record.isInternal).toBe(false);
        }
        expect(sees).toBe(ref.seesAttachment(ctx, roles, user, record, file));
        const attaches = canAttach(ctx, perms, user, record);
        if (attaches) expect(canRead(ctx, perms, user, record)).toBe(true);
        expect(attaches).toBe(ref.attaches(ctx, roles, user, record));
      }),
      propertyRuns(1000),
    );
  });
});
