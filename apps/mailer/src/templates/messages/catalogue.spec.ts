import { en } from './en';
import { interpolate, messagesFor, resolveLocale } from './catalogue';

describe('message catalogue', () => {
  it('resolves portal language settings, falling back to English', () => {
    expect(resolveLocale('en_US')).toBe('en');
    expect(resolveLocale('en')).toBe('en');
    expect(resolveLocale('de_DE')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    expect(messagesFor('xx')).toBe(en);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Hi {name} of {portal} {other}', { name: 'Ann', portal: 'P' })).toBe(
      'Hi Ann of P {other}',
    );
  });

  it('has no empty message in English', () => {
    const walk = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Object.values(value as Record<string, unknown>).flatMap(walk);
    expect(walk(en).every((text) => text.trim().length > 0)).toBe(true);
  });
});
