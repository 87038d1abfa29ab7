import type { FieldDefinition, LinkDefinition } from './entity-type.definition';

export interface DefineEntityType {
  type: 'DefineEntityType';
  name: string;
  fields: FieldDefinition[];
  links: LinkDefinition[];
  /** The link that ties a record to accounts; default: the links named `account`/`accounts`. */
  accountLink?: string;
  /** The link that ties a record to contacts; default: the links named `contact`/`contacts`. */
  contactLink?: string;
}

export type EntityTypeCommand = DefineEntityType;
