import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { useUnitLabel } from './localized.ts';
import { useMe } from '../session.ts';

/**
 * The units of the other side that the officer's unit deals with (from its agreements), those of
 * the food-safety agreement first: whom a notification, a verification or a meeting can be addressed to.
 */
export function usePartnerOptions() {
  const { me } = useMe();
  const label = useUnitLabel();
  const unit = useQuery({ queryKey: ['unit', me?.unit?.id], queryFn: () => api.unit(me!.unit!.id), enabled: !!me?.unit });
  const partners = (unit.data?.partners ?? []).filter((p) => p.active);
  const foodSafety = (p: (typeof partners)[number]) => (p.agreementCodes.includes('food-safety') ? 0 : 1);
  const options = partners
    .map((p) => ({ value: p.id, label: label(p), order: foodSafety(p) }))
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ value, label }) => ({ value, label }));
  return { options, error: unit.error };
}
