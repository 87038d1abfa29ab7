import { DomainError } from '../shared/domain-error';
import { findBuiltInEntityType, isBuiltInEntityTypeName } from './built-in-entity-types';
import type { DefineEntityType } from './entity-type.commands';
import {
  defaultAccountLinks,
  defaultContactLinks,
  FIELD_TYPES,
  linkFieldName,
  NON_RECORD_LINK_TARGETS,
  type EntityTypeDefinition,
  type FieldDefinition,
  type LinkDefinition,
} from './entity-type.definition';
import type { EntityTypeDefined } from './entity-type.events';
import type { EntityTypeState } from './entity-type.state';
import { validateRecordFields, type RecordFieldError } from './validate-record-fields';

const TYPE_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;
const MEMBER_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;
const MAX_MEMBERS = 200;

/** Names the service itself uses for what is not a record type (URLs, link targets, aggregates). */
const RESERVED_TYPE_NAMES = [
  ...NON_RECORD_LINK_TARGETS,
  'PortalUser',
  'PortalRole',
  'User',
  'EntityType',
  'Record',
];

/** Fields every record has or the service maintains; a definition may not redefine them. */
const RESERVED_FIELD_NAMES = new Set([
  'id',
  'entityType',
  'createdAt',
  'createdBy',
  'modifiedAt',
  'modifiedBy',
  'createdByPortalUserId',
  'modifiedByPortalUserId',
  'createdInPortalId',
  'deleted',
  'version',
  'constructor',
]);

function fieldProblems(fields: readonly FieldDefinition[], typeName: string): RecordFieldError[] {
  const errors: RecordFieldError[] = [];
  fields.forEach((field, i) => {
    const path = `fields[${i}]`;
    // Stryker disable next-line StringLiteral: any fallback that fails the pattern gives the same refusal
    if (!MEMBER_NAME.test(field.name ?? '')) {
      errors.push({ path: `${path}.name`, message: 'must be camelCase letters and digits' });
    } else if (RESERVED_FIELD_NAMES.has(field.name)) {
      errors.push({ path: `${path}.name`, message: `${field.name} is maintained by the service` });
    }
    if (!(FIELD_TYPES as readonly string[]).includes(field.type)) {
      errors.push({ path: `${path}.type`, message: `must be one of: ${FIELD_TYPES.join(', ')}` });
      return;
    }
    if (field.name === 'isInternal' && field.type !== 'boolean') {
      errors.push({ path: `${path}.type`, message: 'isInternal must be a boolean' });
    }
    const hasOptions = field.type === 'enum' || field.type === 'multiEnum';
    const options = field.options;
    if (hasOptions) {
      if (
        !Array.isArray(options) ||
        options.length === 0 ||
        !options.every((o) => typeof o === 'string' && o !== '')
      ) {
        errors.push({ path: `${path}.options`, message: 'must list the allowed values' });
      } else if (new Set(options).size !== options.length) {
        errors.push({ path: `${path}.options`, message: 'must not repeat a value' });
      }
    } else if (options !== undefined) {
      errors.push({ path: `${path}.options`, message: `only enum fields have options` });
    }
    // Stryker disable next-line ConditionalExpression: a probe without a default sends undefined, which validateRecordFields skips
    if (field.default !== undefined && errors.length === 0) {
      const probe: EntityTypeDefinition = {
        name: typeName,
        // Stryker disable next-line BooleanLiteral: validateRecordFields does not read builtIn
        builtIn: false,
        fields: [field],
        links: [],
        // Stryker disable next-line ArrayDeclaration: validateRecordFields does not read the account and contact links
        accountLinks: [],
        // Stryker disable next-line ArrayDeclaration: validateRecordFields does not read the account and contact links
        contactLinks: [],
      };
      const problems = validateRecordFields(
        probe,
        { [field.name]: field.default },
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: the probe sends its only field, so no required field is missing
        { partial: true },
      );
      for (const e of problems) {
        errors.push({ path: `${path}.default`, message: e.message });
      }
    }
  });
  return errors;
}

function linkProblems(
  links: readonly LinkDefinition[],
  typeName: string,
  known: readonly string[],
): RecordFieldError[] {
  const targets = new Set<string>([...NON_RECORD_LINK_TARGETS, ...known, typeName]);
  const errors: RecordFieldError[] = [];
  links.forEach((link, i) => {
    const path = `links[${i}]`;
    // Stryker disable next-line StringLiteral: any fallback that fails the pattern gives the same refusal
    if (!MEMBER_NAME.test(link.name ?? '')) {
      errors.push({ path: `${path}.name`, message: 'must be camelCase letters and digits' });
    } else if (RESERVED_FIELD_NAMES.has(link.name) || RESERVED_FIELD_NAMES.has(linkFieldName(link))) {
      errors.push({ path: `${path}.name`, message: `${link.name} is maintained by the service` });
    }
    if (!targets.has(link.entityType) && !findBuiltInEntityType(link.entityType)) {
      errors.push({
        path: `${path}.entityType`,
        message: `${String(link.entityType)} is not a known entity type`,
      });
    }
  });
  return errors;
}

/** Every name a record body could carry must be unique: field names, link names and link field names. */
function clashes(fields: readonly FieldDefinition[], links: readonly LinkDefinition[]): RecordFieldError[] {
  const seen = new Map<string, string>();
  const errors: RecordFieldError[] = [];
  const claim = (name: string, path: string) => {
    const owner = seen.get(name);
    if (owner !== undefined) errors.push({ path, message: `${name} is already used by ${owner}` });
    else seen.set(name, path);
  };
  fields.forEach((f, i) => claim(f.name, `fields[${i}].name`));
  links.forEach((l, i) => {
    claim(l.name, `links[${i}].name`);
    claim(linkFieldName(l), `links[${i}].name`);
  });
  return errors;
}

function resolveLink(
  named: string | undefined,
  links: readonly LinkDefinition[],
  target: 'Account' | 'Contact',
  path: string,
  errors: RecordFieldError[],
  defaults: () => string[],
): string[] {
  if (named === undefined) return defaults();
  const link = links.find((l) => l.name === named);
  if (!link || link.entityType !== target) {
    errors.push({ path, message: `must name a link to ${target}` });
    // Stryker disable next-line ArrayDeclaration: with an error pushed the definition is refused, so this list is never stored
    return [];
  }
  return [named];
}

/**
 * Defines a custom entity type. `knownEntityTypes` are the names of the custom types defined so far
 * (links may point at them; a name differing only in case is taken).
 */
export function decideDefineEntityType(
  command: DefineEntityType,
  state: EntityTypeState,
  knownEntityTypes: readonly string[],
): EntityTypeDefined[] {
  const { name } = command;
  if (typeof name !== 'string' || !TYPE_NAME.test(name)) {
    throw new DomainError(
      'entity_type_name_invalid',
      'An entity type name is PascalCase letters and digits',
      'invalid',
      [{ path: 'name', message: 'must be PascalCase, e.g. Invoice' }],
    );
  }
  const lower = name.toLowerCase();
  if (isBuiltInEntityTypeName(name) || RESERVED_TYPE_NAMES.some((r) => r.toLowerCase() === lower)) {
    throw new DomainError('entity_type_name_reserved', `${name} is a built-in name`, 'conflict', [
      { path: 'name', message: 'is a built-in name' },
    ]);
  }
  if (state.definition !== null || knownEntityTypes.some((k) => k.toLowerCase() === lower)) {
    throw new DomainError('entity_type_exists', `${name} is already defined`, 'conflict', [
      { path: 'name', message: 'is already defined' },
    ]);
  }
  const fields = command.fields ?? [];
  const links = command.links ?? [];
  const errors: RecordFieldError[] = [];
  if (fields.length + links.length > MAX_MEMBERS) {
    errors.push({ path: 'fields', message: `at most ${MAX_MEMBERS} fields and links` });
  }
  errors.push(
    ...fieldProblems(fields, name),
    ...linkProblems(links, name, knownEntityTypes),
    ...clashes(fields, links),
  );
  const accountLinks = resolveLink(command.accountLink, links, 'Account', 'accountLink', errors, () =>
    defaultAccountLinks(links),
  );
  const contactLinks = resolveLink(command.contactLink, links, 'Contact', 'contactLink', errors, () =>
    defaultContactLinks(links),
  );
  if (errors.length > 0) {
    throw new DomainError('entity_type_invalid', `The definition of ${name} is invalid`, 'invalid', errors);
  }
  return [
    {
      type: 'EntityTypeDefined',
      data: {
        name,
        fields: fields.map((f) => ({
          name: f.name,
          type: f.type,
          ...(f.required ? { required: true } : {}),
          ...(f.options ? { options: [...f.options] } : {}),
          ...(f.default !== undefined ? { default: f.default } : {}),
        })),
        links: links.map((l) => ({
          name: l.name,
          entityType: l.entityType,
          ...(l.many ? { many: true } : {}),
        })),
        accountLinks,
        contactLinks,
      },
    },
  ];
}
