import { useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { adoptLocaleOf, canAdminister, useMe } from '../session.ts';
import { RequireLogin } from '../components/RequireLogin.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { LoginPage } from '../pages/login/LoginPage.tsx';
import { AgreementsPage } from '../pages/agreements/AgreementsPage.tsx';
import { AgreementPage } from '../pages/agreements/AgreementPage.tsx';
import { SearchPage } from '../pages/search/SearchPage.tsx';
import { DirectoryPage } from '../pages/directory/DirectoryPage.tsx';
import { UnitPage } from '../pages/directory/UnitPage.tsx';
import { AccountPage } from '../pages/account/AccountPage.tsx';
import { AdminRoutes } from '../pages/admin/AdminRoutes.tsx';
import { NotificationRoutes } from '../pages/notifications/NotificationRoutes.tsx';
import { VerificationRoutes } from '../pages/verification/VerificationRoutes.tsx';
import { MeetingRoutes } from '../pages/meetings/MeetingRoutes.tsx';
import { ProgressRoutes } from '../pages/progress/ProgressRoutes.tsx';
import { ReportRoutes } from '../pages/progress/ReportRoutes.tsx';
import { SchoolRoutes } from '../pages/schools/module.tsx';

export function App() {
  const { me } = useMe();
  // A signed-in user's language follows them from browser to browser.
  useEffect(() => {
    void adoptLocaleOf(me);
  }, [me]);

  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="agreements" element={<AgreementsPage />} />
        <Route path="agreements/:code" element={<AgreementPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="directory" element={<RequireLogin><DirectoryPage /></RequireLogin>} />
        <Route path="directory/units/:id" element={<RequireLogin><UnitPage /></RequireLogin>} />
        <Route path="account" element={<RequireLogin><AccountPage /></RequireLogin>} />
        <Route path="notifications/*" element={<RequireLogin><NotificationRoutes /></RequireLogin>} />
        <Route path="verification/*" element={<RequireLogin><VerificationRoutes /></RequireLogin>} />
        <Route path="meetings/*" element={<RequireLogin><MeetingRoutes /></RequireLogin>} />
        <Route path="progress/*" element={<RequireLogin><ProgressRoutes /></RequireLogin>} />
        <Route path="schools/*" element={<RequireLogin><SchoolRoutes /></RequireLogin>} />
        {/* Issued progress reports are public. */}
        <Route path="reports/*" element={<ReportRoutes />} />
        <Route path="admin/*" element={<RequireLogin allow={canAdminister}><AdminRoutes /></RequireLogin>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
