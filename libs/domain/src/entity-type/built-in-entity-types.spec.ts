import {
  BUILT_IN_ENTITY_TYPES,
  CASE_ENTITY_TYPE,
  findBuiltInEntityType,
  isBuiltInEntityTypeName,
} from './built-in-entity-types';
import { findField, linkFieldName } from './entity-type.definition';
import { validateRecordFields } from './validate-record-fields';

describe('built-in entity types', () => {
  it('are the five the API names', () => {
    expect(BUILT_IN_ENTITY_TYPES.map((t) => t.name)).toEqual([
      'Account',
      'Contact',
      'Case',
      'KnowledgeBaseArticle',
      'Document',
    ]);
    expect(BUILT_IN_ENTITY_TYPES.every((t) => t.builtIn)).toBe(true);
  });

  it.each(BUILT_IN_ENTITY_TYPES.map((t) => [t.name, t] as const))(
    '%s: field and link field names are unique, account/contact links exist',
    (_name, def) => {
      const names = [...def.fields.map((f) => f.name), ...def.links.map(linkFieldName)];
      expect(new Set(names).size).toBe(names.length);
      for (const link of [...def.accountLinks, ...def.contactLinks]) {
        expect(def.links.map((l) => l.name)).toContain(link);
      }
    },
  );

  it.each(BUILT_IN_ENTITY_TYPES.map((t) => [t.name, t] as const))(
    '%s: defaults fit their fields',
    (_n, def) => {
      for (const field of def.fields.filter((f) => f.default !== undefined)) {
        expect(validateRecordFields(def, { [field.name]: field.default }, { partial: true })).toEqual([]);
      }
    },
  );

  it('Case carries the status, priority, internal flag and the links the API names', () => {
    expect(findField(CASE_ENTITY_TYPE, 'status')?.options).toEqual(
      expect.arrayContaining(['New', 'Assigned', 'Pending', 'Closed', 'Rejected', 'Duplicate']),
    );
    expect(findField(CASE_ENTITY_TYPE, 'priority')?.options).toEqual(['Low', 'Normal', 'High', 'Urgent']);
    expect(findField(CASE_ENTITY_TYPE, 'isInternal')?.type).toBe('boolean');
    expect(CASE_ENTITY_TYPE.links.map(linkFieldName)).toEqual([
      'accountId',
      'contactId',
      'assignedUserId',
      'teamIds',
    ]);
  });

  it('are found by exact name; clashes are checked without case', () => {
    expect(findBuiltInEntityType('Case')).toBe(CASE_ENTITY_TYPE);
    expect(findBuiltInEntityType('case')).toBeUndefined();
    expect(isBuiltInEntityTypeName('CASE')).toBe(true);
    expect(isBuiltInEntityTypeName('Invoice')).toBe(false);
  });
});
