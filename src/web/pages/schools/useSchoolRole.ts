import { useQuery } from '@tanstack/react-query';
import { useMe } from '../../session.ts';
import { schoolsApi } from './api.ts';

/** Who the signed-in user is in the sister-school scheme (null: not part of it). */
export function useSchoolRole() {
  const { me } = useMe();
  const role = useQuery({ queryKey: ['schools', 'me', me?.id], queryFn: () => schoolsApi.me().catch(() => null), enabled: !!me, staleTime: 60_000 });
  return { role: role.data?.takesPart ? role.data : null, loading: !!me && role.isPending };
}
