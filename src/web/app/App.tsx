import { Fragment, useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { adoptLocaleOf, useMe } from '../session.ts';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { LoginPage } from '../pages/login/LoginPage.tsx';
import { webModules } from '../modules.tsx';

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
        {webModules.map((module) => (
          <Fragment key={module.id}>{module.routes}</Fragment>
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
