/** Deciders take the time as an input (never read a clock), so they stay pure and testable. */
export type IsoTime = string;

export function addDays(iso: IsoTime, days: number): IsoTime {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}
