import type { EntityTypeDefinition, FieldDefinition, LinkDefinition } from './entity-type.definition';

export const CASE_STATUSES = [
  'New',
  'Assigned',
  'Pending',
  // API.md's portal example hides cases in this status from the portal (recordCriteria).
  'Internal review',
  'Closed',
  'Rejected',
  'Duplicate',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Statuses after which a case needs no more work (dashlets count the others as open). */
export const CASE_CLOSED_STATUSES: readonly CaseStatus[] = ['Closed', 'Rejected', 'Duplicate'];
export const CASE_PRIORITIES = ['Low', 'Normal', 'High', 'Urgent'] as const;
export const CASE_TYPES = ['Question', 'Incident', 'Problem'] as const;
export const KNOWLEDGE_BASE_STATUSES = ['Draft', 'Published'] as const;
export const DOCUMENT_STATUSES = ['Draft', 'Active', 'Expired', 'Canceled'] as const;

const assignment: LinkDefinition[] = [
  { name: 'assignedUser', entityType: 'StaffUser' },
  { name: 'teams', entityType: 'Team', many: true },
];

function builtIn(
  name: string,
  fields: FieldDefinition[],
  links: LinkDefinition[],
  accountLinks: string[],
  contactLinks: string[],
): EntityTypeDefinition {
  return { name, builtIn: true, fields, links, accountLinks, contactLinks };
}

export const ACCOUNT_ENTITY_TYPE: EntityTypeDefinition = builtIn(
  'Account',
  [
    { name: 'name', type: 'string', required: true },
    { name: 'website', type: 'url' },
    { name: 'email', type: 'email' },
    { name: 'phone', type: 'phone' },
    { name: 'type', type: 'enum', options: ['Customer', 'Investor', 'Partner', 'Reseller'] },
    { name: 'industry', type: 'string' },
    { name: 'description', type: 'text' },
  ],
  [...assignment],
  [],
  [],
);

export const CONTACT_ENTITY_TYPE: EntityTypeDefinition = builtIn(
  'Contact',
  [
    { name: 'firstName', type: 'string' },
    { name: 'lastName', type: 'string', required: true },
    { name: 'email', type: 'email' },
    { name: 'phone', type: 'phone' },
    { name: 'title', type: 'string' },
    { name: 'description', type: 'text' },
  ],
  [
    // The API accepts either a primary account (`accountId`) or several (`accountIds`).
    { name: 'account', entityType: 'Account' },
    { name: 'accounts', entityType: 'Account', many: true },
    ...assignment,
  ],
  ['account', 'accounts'],
  [],
);

export const CASE_ENTITY_TYPE: EntityTypeDefinition = builtIn(
  'Case',
  [
    { name: 'name', type: 'string', required: true },
    { name: 'description', type: 'text' },
    { name: 'status', type: 'enum', options: [...CASE_STATUSES], default: 'New' },
    { name: 'priority', type: 'enum', options: [...CASE_PRIORITIES], default: 'Normal' },
    { name: 'type', type: 'enum', options: [...CASE_TYPES] },
    { name: 'isInternal', type: 'boolean', default: false },
    { name: 'internalNotes', type: 'text' },
  ],
  [{ name: 'account', entityType: 'Account' }, { name: 'contact', entityType: 'Contact' }, ...assignment],
  ['account'],
  ['contact'],
);

export const KNOWLEDGE_BASE_ARTICLE_ENTITY_TYPE: EntityTypeDefinition = builtIn(
  'KnowledgeBaseArticle',
  [
    { name: 'name', type: 'string', required: true },
    { name: 'body', type: 'text' },
    { name: 'status', type: 'enum', options: [...KNOWLEDGE_BASE_STATUSES], default: 'Draft' },
  ],
  [
    { name: 'portals', entityType: 'Portal', many: true },
    { name: 'accounts', entityType: 'Account', many: true },
    ...assignment,
  ],
  ['accounts'],
  [],
);

export const DOCUMENT_ENTITY_TYPE: EntityTypeDefinition = builtIn(
  'Document',
  [
    { name: 'name', type: 'string', required: true },
    { name: 'fileName', type: 'string' },
    { name: 'description', type: 'text' },
    { name: 'status', type: 'enum', options: [...DOCUMENT_STATUSES], default: 'Active' },
  ],
  [
    { name: 'accounts', entityType: 'Account', many: true },
    { name: 'portals', entityType: 'Portal', many: true },
    ...assignment,
  ],
  ['accounts'],
  [],
);

/** The entity types every installation has; they need no events. */
export const BUILT_IN_ENTITY_TYPES: readonly EntityTypeDefinition[] = [
  ACCOUNT_ENTITY_TYPE,
  CONTACT_ENTITY_TYPE,
  CASE_ENTITY_TYPE,
  KNOWLEDGE_BASE_ARTICLE_ENTITY_TYPE,
  DOCUMENT_ENTITY_TYPE,
];

export function findBuiltInEntityType(name: string): EntityTypeDefinition | undefined {
  return BUILT_IN_ENTITY_TYPES.find((t) => t.name === name);
}

export function isBuiltInEntityTypeName(name: string): boolean {
  return BUILT_IN_ENTITY_TYPES.some((t) => t.name.toLowerCase() === name.toLowerCase());
}
