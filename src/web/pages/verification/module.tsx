import { Route } from 'react-router';
import { RequireLogin } from '../../components/RequireLogin.tsx';
import type { WebModule } from '../../lib/webModule.ts';
import { VerificationRoutes } from './VerificationRoutes.tsx';

export const verificationWeb: WebModule = { id: 'verification', routes: <Route path="verification/*" element={<RequireLogin><VerificationRoutes /></RequireLogin>} /> };
