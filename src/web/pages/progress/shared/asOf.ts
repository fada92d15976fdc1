import { useSearchParams } from 'react-router';
import { dayInput } from '../../../lib/dates.ts';

/** The day of the Joint Conference paper (October 2015) whose figures Liaison starts from. */
export const paperDate = '2015-10-31';

/** Today in the region (UTC+8), as YYYY-MM-DD, wherever the browser is. */
export const today = (): string => dayInput(new Date());

const isDay = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** The day figures are shown as at, kept in the address (?asOf=) so that it survives links and reloads. */
export function useAsOf(): [string, (day: string) => void] {
  const [params, setParams] = useSearchParams();
  const requested = params.get('asOf');
  const asOf = isDay(requested) ? requested : today();
  const setAsOf = (day: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (day === today()) next.delete('asOf');
        else next.set('asOf', day);
        return next;
      },
      { replace: true },
    );
  return [asOf, setAsOf];
}

/** `?asOf=…` to carry the chosen day to another page, or nothing for today. */
export const asOfSearch = (asOf: string) => (asOf === today() ? '' : `?asOf=${asOf}`);

/** The day a figure is true at: its date, else the last day of its school year (1 Sept – 31 Aug) or year. */
export function figureDay(input: { period?: string | null; date?: string | null }): string | null {
  if (input.date) return input.date;
  const school = /^(\d{4})\/\d{2}$/.exec(input.period ?? '');
  if (school) return `${Number(school[1]) + 1}-08-31`;
  if (/^\d{4}$/.test(input.period ?? '')) return `${input.period}-12-31`;
  return null;
}
