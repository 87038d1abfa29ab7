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
