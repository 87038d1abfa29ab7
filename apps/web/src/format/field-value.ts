import { el } from '../dom/element.js';
import type { Translate } from '../i18n/catalogue.js';
import type { DateTimeFormat } from './date-time-format.js';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A `<time>` in the portal's zone and format, the exact instant kept machine-readable. */
export function timeElement(dates: DateTimeFormat, iso: string): HTMLTimeElement {
  return el('time', { datetime: iso, title: `${iso} (UTC)` }, dates.dateTime(iso));
}

/** One field value for display: times in the portal's zone, booleans as words, empty as a dash. */
export function fieldValue(t: Translate, dates: DateTimeFormat, value: unknown): Node {
  if (value === null || value === undefined || value === '') return document.createTextNode(t('field.empty'));
  if (typeof value === 'boolean') return document.createTextNode(value ? t('field.yes') : t('field.no'));
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) return timeElement(dates, value);
  // A date without a time is a calendar day: no time zone shift.
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    return el('time', { datetime: value }, dates.calendarDate(value));
  }
  return document.createTextNode(typeof value === 'string' ? value : JSON.stringify(value));
}
