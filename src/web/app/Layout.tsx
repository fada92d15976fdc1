import { useEffect, useRef } from 'react';
import { AppShell, Burger, Container } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Header } from './Header.tsx';
import { Navigation } from './Navigation.tsx';
import { Footer } from './Footer.tsx';
import { useMe } from '../session.ts';
import { ChoosePasswordPage } from '../pages/account/ChoosePasswordPage.tsx';

/**
 * AppShell.Main renders a <main>; it is rendered as a plain <div> here so that the page's
 * <main> and <footer> can be sibling landmarks inside the area beside the navigation.
 */
const notMain = { component: 'div' };

export function Layout() {
  const { t } = useTranslation();
  const [navOpen, nav] = useDisclosure(false);
  const location = useLocation();
  const mainRef = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);
  const phone = useMediaQuery('(max-width: 47.99em)');
  const { me } = useMe();

  // After moving to another page, close the phone menu and put keyboard focus at the page's start.
  useEffect(() => {
    nav.close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!location.hash) mainRef.current?.focus({ preventScroll: false });
    // Only a change of page, not of query (search filters) or hash (clause links), moves focus.
  }, [location.pathname]);

  const skipToMain = (event: React.MouseEvent) => {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding={0}>
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {t('app.skipToMain')}
      </a>
      <AppShell.Header>
        <Header
          burger={
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpen ? t('nav.close') : t('nav.open')}
              aria-expanded={navOpen}
              aria-controls="site-navigation"
            />
          }
        />
      </AppShell.Header>
      {/* Off screen on a phone while closed: also out of the tab order and the accessibility tree. */}
      <AppShell.Navbar id="site-navigation" aria-label={t('nav.label')} p="sm" inert={phone && !navOpen}>
        <Navigation />
      </AppShell.Navbar>
      <AppShell.Main {...notMain} style={{ display: 'flex', flexDirection: 'column' }}>
        <Container component="main" id="main" ref={mainRef} tabIndex={-1} size="lg" py="lg" px="md" w="100%" style={{ flex: 1 }}>
          {me?.mustChangePassword ? <ChoosePasswordPage /> : <Outlet />}
        </Container>
        <Footer />
      </AppShell.Main>
    </AppShell>
  );
}
