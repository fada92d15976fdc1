import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../session.ts';
import type { Me } from '../types.ts';
import { ErrorNotice, Loading } from './status.tsx';

/** Pages for signed-in users: visitors are sent to log in and brought back afterwards. */
export function RequireLogin({ children, allow }: { children: ReactNode; allow?: (me: Me) => boolean }) {
  const { me, loading, error } = useMe();
  const location = useLocation();
  if (loading) return <Loading />;
  if (error) return <ErrorNotice error={error} />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (allow && !allow(me)) return <Navigate to="/" replace />;
  return <>{children}</>;
}
