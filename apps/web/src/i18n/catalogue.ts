import { en, type MessageKey, type Messages } from './en.js';

/**
 * Catalogues by language. English is complete; another language may translate only part of the
 * keys (the rest fall back to English), so a translation can be added file by file.
 */
const CATALOGUES: Record<string, Partial<Messages>> = { en };

/** `en_US`, `en-GB` and `en` all pick the `en` catalogue; unknown languages get English. */
export function messagesFor(language: string | undefined): Messages {
  const code = (language ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  return { ...en, ...(CATALOGUES[code] ?? {}) };
}

/** A translate function: `t('list.create', { type: 'Case' })`. Parameters are plain text, never markup. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(messages: Messages): Translate {
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** Labels for names that may or may not have a message (custom entity types and fields). */
export function labelFor(messages: Messages, key: string, fallback: string): string {
  return key in messages ? messages[key as MessageKey] : fallback;
}

/** `assignedUserId` → `Assigned user id`: a readable label for a field no catalogue names. */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
