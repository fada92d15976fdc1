import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { useMe } from '../../session.ts';
import type { Party } from '../../types.ts';

/** The parties to filter by: all of them for a signed-in user, else those named in the public agreements. */
export function usePartyOptions(): Pick<Party, 'code' | 'name'>[] {
  const { me } = useMe();
  const parties = useQuery({ queryKey: ['parties'], queryFn: api.parties, enabled: !!me });
  const agreements = useQuery({ queryKey: ['agreements'], queryFn: api.agreements, enabled: !me });
  if (me) return parties.data ?? [];
  const seen = new Map<string, Pick<Party, 'code' | 'name'>>();
  for (const a of agreements.data ?? []) for (const p of a.parties) seen.set(p.code, p);
  return [...seen.values()];
}
