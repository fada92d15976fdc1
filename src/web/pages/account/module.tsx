import { Route } from 'react-router';
import { RequireLogin } from '../../components/RequireLogin.tsx';
import type { WebModule } from '../../lib/webModule.ts';
import { AccountPage } from './AccountPage.tsx';

export const accountsWeb: WebModule = { id: 'accounts', routes: <Route path="account" element={<RequireLogin><AccountPage /></RequireLogin>} /> };
