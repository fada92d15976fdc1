import { useMe } from '../session.ts';

/** Officers and approvers of a unit act (draft, answer, convene); readers only read. The server decides; this only hides what would be refused. */
export function useActs(): boolean {
  const { me } = useMe();
  return !!me?.unit && me.roles.some((r) => r === 'officer' || r === 'approver');
}
