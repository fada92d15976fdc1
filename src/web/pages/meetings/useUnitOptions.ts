import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { usePick } from '../../lib/localized.ts';
import { useMe } from '../../session.ts';

/** Units that can take part in a meeting besides the officer's own: any active unit, by name. */
export function useUnitOptions() {
  const { me } = useMe();
  const pick = usePick();
  const units = useQuery({ queryKey: ['units'], queryFn: () => api.units() });
  const all = units.data ?? [];
  return {
    others: all
      .filter((u) => u.active && u.id !== me?.unit?.id)
      .map((u) => ({ value: u.id, label: `${pick(u.name)} (${u.code})` }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    nameOf: (id: string) => {
      const unit = all.find((u) => u.id === id);
      return unit ? pick(unit.name) : id === me?.unit?.id && me.unit ? pick(me.unit.name) : '';
    },
    error: units.error,
  };
}
