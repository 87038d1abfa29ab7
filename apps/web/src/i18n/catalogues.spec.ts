import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe.each([
  ['de', de],
  ['fr', fr],
  ['es', es],
])('the %s catalogue of the pages', (_language, messages: Record<string, string>) => {
  const english: Record<string, string> = en;

  it('has every English key and no other', () => {
    const missing = Object.keys(english).filter((key) => !(key in messages));
    const extra = Object.keys(messages).filter((key) => !(key in english));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('fills every message, with the same placeholders as English', () => {
    for (const [key, text] of Object.entries(messages)) {
      expect([key, text.trim().length > 0]).toEqual([key, true]);
      expect([key, placeholders(text)]).toEqual([key, placeholders(english[key] ?? '')]);
    }
  });
});
