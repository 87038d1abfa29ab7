import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import type { MailMessages } from './mail-messages';

/** Add a locale here (a file beside en.ts) and every email speaks it. */
const catalogue: Record<string, MailMessages> = { en, de, fr, es };

export const DEFAULT_LOCALE = 'en';

/** The best locale we have for a setting such as `en_US`, `de-DE` or `fr`: exact, then language, then en. */
export function resolveLocale(language: string | undefined): string {
  if (!language) return DEFAULT_LOCALE;
  const tag = language.replace('_', '-');
  if (catalogue[tag]) return tag;
  const base = tag.split('-')[0]!.toLowerCase();
  return catalogue[base] ? base : DEFAULT_LOCALE;
}

export function messagesFor(locale: string): MailMessages {
  return catalogue[locale] ?? catalogue[DEFAULT_LOCALE]!;
}

/** A message split once into its text and its {placeholders}: odd indexes are placeholder names. */
type Compiled = readonly string[];

/** The catalogue is a fixed set of strings: each is split the first time it is used, then reused. */
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

/** Fills {placeholders}; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(template: string, values: Record<string, string>): string {
  const parts = compile(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    out += (values[key] ?? `{${key}}`) + parts[i + 1]!;
  }
  return out;
}
