import { de } from './de.js';
import { en, type MessageKey, type Messages } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

/** Complete catalogues by language code; a unit test keeps their keys the same as English's. */
const CATALOGUES: Record<string, Messages> = { en, de, fr, es };

/** `de_DE`, `de-AT` and `de` all pick `de`; a language without a catalogue gets English. */
export function catalogueLanguage(language: string | undefined): string {
  const code = (language ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  return code in CATALOGUES ? code : 'en';
}

export function messagesFor(language: string | undefined): Messages {
  return CATALOGUES[catalogueLanguage(language)] ?? en;
}

/**
 * The `lang` of the page: the portal's own tag (`de_DE` → `de-DE`) when its language is the one
 * shown, plain `en` when the page falls back to English, so screen readers pronounce what is there.
 */
export function shownLanguageTag(language: string | undefined): string {
  const shown = catalogueLanguage(language);
  const tag = (language ?? '').replace(/_/g, '-');
  return tag.toLowerCase().split('-')[0] === shown ? tag : shown;
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
