import { useReaderScript } from '../../lib/readerScript.ts';
import type { Meeting } from '../notifications/lib/types.ts';

/** A meeting's record is kept as typed; Mainland readers read it in Simplified. For showing only, never for editing. */
export function useReaderMeeting(m: Meeting): Meeting {
  const texts = [m.title, m.location ?? '', m.minutes ?? '', ...m.agenda, ...m.decisions, ...m.actionItems.map((i) => i.description)];
  const shown = useReaderScript(texts);
  let at = 3;
  const take = (n: number) => shown.slice(at, (at += n));
  return {
    ...m,
    title: shown[0],
    location: m.location === null ? null : shown[1],
    minutes: m.minutes === null ? null : shown[2],
    agenda: take(m.agenda.length),
    decisions: take(m.decisions.length),
    actionItems: take(m.actionItems.length).map((description, i) => ({ ...m.actionItems[i], description })),
  };
}
