import type { PortalSettings } from '../api/portal-api.js';

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

/** `en_US` → `en-US`, for Intl. */
export function localeOf(language: string | undefined): string {
  return (language ?? 'en').replace('_', '-');
}

function validTimeZone(timeZone: string | undefined): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone ?? 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Dates and times as the portal's settings say: in its time zone, the date laid out by its date
 * format (`YYYY-MM-DD`, `DD.MM.YYYY`, `MM/DD/YYYY`, …), the time as 24-hour `HH:mm`.
 */
export class DateTimeFormat {
  private readonly parts: Intl.DateTimeFormat;
  private readonly pattern: string;
  readonly timeZone: string;

  constructor(settings: Pick<PortalSettings, 'timeZone' | 'dateFormat'>) {
    this.timeZone = validTimeZone(settings.timeZone);
    this.pattern = settings.dateFormat || 'YYYY-MM-DD';
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone: this.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }

  date(iso: string): string {
    const p = this.partsOf(iso);
    return p ? this.layout(p.year, p.month, p.day) : iso;
  }

  /** A calendar day (`2026-11-25`, no time): laid out as the portal says, never shifted by a zone. */
  calendarDate(day: string): string {
    const [year = '', month = '', date = ''] = day.split('-');
    return this.layout(year, month, date);
  }

  dateTime(iso: string): string {
    const p = this.partsOf(iso);
    return p ? `${this.date(iso)} ${p.hour}:${p.minute}` : iso;
  }

  private layout(year: string, month: string, day: string): string {
    return this.pattern.replace(/YYYY|YY|MM|M|DD|D/g, (token) => {
      switch (token) {
        case 'YYYY':
          return year;
        case 'YY':
          return year.slice(-2);
        case 'MM':
          return month;
        case 'M':
          return String(Number(month));
        case 'DD':
          return day;
        default:
          return String(Number(day));
      }
    });
  }

  private partsOf(iso: string): Parts | null {
    const time = Date.parse(iso);
    if (Number.isNaN(time)) return null;
    const parts = {} as Parts;
    for (const part of this.parts.formatToParts(new Date(time))) {
      if (part.type in { year: 1, month: 1, day: 1, hour: 1, minute: 1 })
        parts[part.type as keyof Parts] = part.value;
    }
    return parts;
  }
}
