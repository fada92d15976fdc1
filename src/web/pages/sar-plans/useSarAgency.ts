import { useQuery } from '@tanstack/react-query';
import { useMe } from '../../session.ts';
import { sarApi } from './api.ts';

/** The SAR agency the signed-in user acts for (null: none of the three). */
export function useSarAgency() {
  const { me } = useMe();
  const role = useQuery({ queryKey: ['sar-plans', 'me', me?.id], queryFn: () => sarApi.me().catch(() => null), enabled: !!me, staleTime: 60_000 });
  return { agency: role.data?.agency ? role.data : null, loading: !!me && role.isPending };
}
