import { Route } from 'react-router';
import type { WebModule } from '../../lib/webModule.ts';
import { AgreementsPage } from './AgreementsPage.tsx';
import { AgreementPage } from './AgreementPage.tsx';

export const agreementsWeb: WebModule = {
  id: 'agreements',
  routes: (
    <>
      <Route path="agreements" element={<AgreementsPage />} />
      <Route path="agreements/:code" element={<AgreementPage />} />
    </>
  ),
};
