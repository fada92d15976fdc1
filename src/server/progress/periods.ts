/**
 * Periods the documents use. School years are first-class: "2014/15" runs from 1 September
 * 2014 to 31 August 2015 (the Hong Kong and Guangdong school year). A bare year "2015" is
 * the calendar year.
 */
const SCHOOL_YEAR = /^(\d{4})\/(\d{2})$/;
const YEAR = /^(\d{4})$/;

export type Period = { start: string; end: string };

export function isPeriod(text: string): boolean {
  const m = SCHOOL_YEAR.exec(text);
  if (m) return (Number(m[1]) + 1) % 100 === Number(m[2]);
  return YEAR.test(text);
}

export function parsePeriod(text: string): Period {
  const school = SCHOOL_YEAR.exec(text);
  if (school) {
    const first = Number(school[1]);
    if ((first + 1) % 100 !== Number(school[2])) throw new RangeError(`not a school year: ${text}`);
    return { start: `${first}-09-01`, end: `${first + 1}-08-31` };
  }
  if (YEAR.test(text)) return { start: `${text}-01-01`, end: `${text}-12-31` };
  throw new RangeError(`not a period: ${text}`);
}

/** The day a figure or deadline is true at: its date, else the last day of its period. */
export function asOfDay(options: { date?: string | null; period?: string | null }): string | null {
  if (options.date) return options.date;
  if (options.period) return parsePeriod(options.period).end;
  return null;
}

/** The school year a day falls in, e.g. 2015-10-01 → 2015/16. */
export function schoolYearOf(day: string): string {
  const [y, m] = day.split('-').map(Number);
  const first = m >= 9 ? y : y - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}
