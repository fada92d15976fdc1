import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { useUnitLabel } from '../../lib/localized.ts';
import { useMe } from '../../session.ts';

/** Units that can take part in a meeting besides the officer's own: any active unit, by name. */
export function useUnitOptions() {
  const { me } = useMe();
  const label = useUnitLabel();
  const units = useQuery({ queryKey: ['units'], queryFn: () => api.units() });
  const all = units.data ?? [];
  return {
    others: all
      .filter((u) => u.active && u.id !== me?.unit?.id)
      .map((u) => ({ value: u.id, label: label(u) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    error: units.error,
  };
}
