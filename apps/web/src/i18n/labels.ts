import type { Messages } from './en.js';
import { humanize, labelFor } from './catalogue.js';

/** `Case` → `Cases`; a custom type without a message → its name made readable. */
export function entityLabel(messages: Messages, entityType: string): string {
  return labelFor(messages, `entity.${entityType}`, humanize(entityType));
}

/** `Case` → `Case`, `KnowledgeBaseArticle` → `Article`. */
export function entitySingular(messages: Messages, entityType: string): string {
  return labelFor(messages, `entity.one.${entityType}`, humanize(entityType));
}

export function fieldLabel(messages: Messages, field: string): string {
  return labelFor(messages, `field.${field}`, humanize(field));
}

/** An option value of a built-in enum field in the user's language (`status` `Closed` → `Geschlossen`); other values as they are. */
export function optionLabel(messages: Messages, field: string, value: unknown): unknown {
  return typeof value === 'string' ? labelFor(messages, `option.${field}.${value}`, value) : value;
}
