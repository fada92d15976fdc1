import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { usePick, useUnitLabel } from '../../lib/localized.ts';
import { useMe } from '../../session.ts';

/** Units to choose from in the admin forms: all of them for a platform administrator, else the user's own. */
export function useUnitOptions() {
  const { me } = useMe();
  const pick = usePick();
  const label = useUnitLabel();
  const units = useQuery({ queryKey: ['units'], queryFn: () => api.units(), enabled: !!me?.isPlatformAdmin });
  if (!me?.isPlatformAdmin) return me?.unit ? [{ value: me.unit.id, label: pick(me.unit.name) }] : [];
  return (units.data ?? [])
    .map((u) => ({ value: u.id, label: label(u) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
