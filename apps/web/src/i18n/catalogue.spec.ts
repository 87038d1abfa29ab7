import { catalogueLanguage, humanize, messagesFor, shownLanguageTag, translator } from './catalogue';
import { de } from './de';
import { en } from './en';
import { entityLabel, entitySingular, fieldLabel, optionLabel } from './labels';

describe('the catalogue a page uses', () => {
  it('picks the catalogue by language, English for any other', () => {
    expect(catalogueLanguage('de_DE')).toBe('de');
    expect(catalogueLanguage('DE-at')).toBe('de');
    expect(catalogueLanguage('pt_BR')).toBe('en');
    expect(catalogueLanguage(undefined)).toBe('en');
    expect(messagesFor('fr_FR')['entity.Case']).not.toBe(en['entity.Case']);
    expect(messagesFor('it_IT')).toBe(en);
  });

  it("tags the page with the portal's language only when that language is shown", () => {
    expect(shownLanguageTag('de_DE')).toBe('de-DE');
    expect(shownLanguageTag('it_IT')).toBe('en');
  });

  it('fills placeholders as plain text and leaves unknown ones visible', () => {
    const t = translator(en);
    expect(t('list.create', { type: '<b>Case</b>' })).toBe('New <b>Case</b>');
    expect(t('list.create')).toBe('New {type}');
    expect(translator(de)('list.create', { type: 'Anfrage' })).toBe('Neu: Anfrage');
  });

  it('labels types, fields and options from the catalogue, or makes a name readable', () => {
    expect(entityLabel(de, 'Case')).toBe('Anfragen');
    expect(entitySingular(de, 'Case')).toBe('Anfrage');
    expect(entityLabel(en, 'SupportContract')).toBe('Support contract');
    expect(fieldLabel(en, 'customer_ref-code')).toBe('Customer ref code');
    expect(optionLabel(de, 'status', 'Closed')).toBe('Geschlossen');
    expect(optionLabel(de, 'status', 'Reopened')).toBe('Reopened');
    expect(optionLabel(de, 'status', 3)).toBe(3);
    expect(humanize('assignedUserId')).toBe('Assigned user id');
  });
});
