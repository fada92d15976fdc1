import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useMe } from '../../session.ts';
import { Loading } from '../../components/status.tsx';
import { Welcome } from './Welcome.tsx';
import { MyUnit } from './MyUnit.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const { me, loading } = useMe();
  usePageTitle(t('home.title'));
  if (loading) return <Loading />;
  return me ? <MyUnit me={me} /> : <Welcome />;
}
