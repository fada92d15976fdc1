import { Route } from 'react-router';
import type { WebModule } from '../../lib/webModule.ts';
import { manifests } from '../../../shared/modules.ts';
import { NotBuiltPage } from './NotBuiltPage.tsx';

/** A page for each agreement whose module is not built yet, at the path its navigation entry names. */
export const notBuiltWeb: WebModule = {
  id: 'not-built',
  routes: (
    <>
      {manifests.flatMap((m) =>
        m.nav && !m.nav.built && m.agreement ? [<Route key={m.id} path={m.nav.path.slice(1)} element={<NotBuiltPage agreement={m.agreement} labelKey={m.nav.labelKey} />} />] : [],
      )}
    </>
  ),
};
