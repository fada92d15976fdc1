import { useReaderScript } from '../../lib/readerScript.ts';
import type { Meeting } from './types.ts';

/** A meeting's record is kept as typed; Mainland readers read it in Simplified. For showing only, never for editing. */
export function useReaderMeeting(m: Meeting): Meeting {
  const texts = [
    m.title,
    m.location ?? '',
    m.minutes ?? '',
    ...m.agenda,
    ...m.decisions,
    ...m.actionItems.flatMap((i) => [i.description, i.ownerName ?? '']),
    ...m.participants.flatMap((p) => [p.name, p.role ?? '']),
  ];
  const shown = useReaderScript(texts);
  let at = 3;
  const take = (n: number) => shown.slice(at, (at += n));
  const agenda = take(m.agenda.length);
  const decisions = take(m.decisions.length);
  const items = take(2 * m.actionItems.length);
  const people = take(2 * m.participants.length);
  return {
    ...m,
    title: shown[0],
    location: m.location === null ? null : shown[1],
    minutes: m.minutes === null ? null : shown[2],
    agenda,
    decisions,
    actionItems: m.actionItems.map((item, i) => ({ ...item, description: items[2 * i], ownerName: item.ownerName === null ? null : items[2 * i + 1] })),
    participants: m.participants.map((p, i) => ({ ...p, name: people[2 * i], role: p.role === null ? null : people[2 * i + 1] })),
  };
}
