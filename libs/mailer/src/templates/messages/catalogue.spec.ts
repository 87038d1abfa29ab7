import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { interpolate, messagesFor, resolveLocale } from './catalogue';

/** Every message by its path (`invitation.subject`), so catalogues can be compared key by key. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  if (typeof value === 'string') return new Map([[prefix, value]]);
  const entries = Object.entries(value as Record<string, unknown>);
  return new Map(entries.flatMap(([key, inner]) => [...flatten(inner, prefix ? `${prefix}.${key}` : key)]));
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('message catalogue', () => {
  it('resolves portal language settings, falling back to English', () => {
    expect(resolveLocale('en_US')).toBe('en');
    expect(resolveLocale('en')).toBe('en');
    expect(resolveLocale('de_DE')).toBe('de');
    expect(resolveLocale('fr-CA')).toBe('fr');
    expect(resolveLocale('es_ES')).toBe('es');
    expect(resolveLocale('it_IT')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    expect(messagesFor('xx')).toBe(en);
    expect(messagesFor(resolveLocale('de_DE'))).toBe(de);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Hi {name} of {portal} {other}', { name: 'Ann', portal: 'P' })).toBe(
      'Hi Ann of P {other}',
    );
  });

  it('has no empty message in English', () => {
    expect([...flatten(en).values()].every((text) => text.trim().length > 0)).toBe(true);
  });

  describe.each([
    ['de', de],
    ['fr', fr],
    ['es', es],
  ])('the %s catalogue', (_locale, messages) => {
    const english = flatten(en);
    const translated = flatten(messages);

    it('has every English message and no other', () => {
      const missing = [...english.keys()].filter((key) => !translated.has(key));
      const extra = [...translated.keys()].filter((key) => !english.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('fills every message, with the same placeholders as English', () => {
      for (const [key, text] of translated) {
        expect([key, text.trim().length > 0]).toEqual([key, true]);
        expect([key, placeholders(text)]).toEqual([key, placeholders(english.get(key) ?? '')]);
      }
    });
  });
});
