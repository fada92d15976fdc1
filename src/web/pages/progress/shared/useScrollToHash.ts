import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** The section a link points at (#area-education) exists only once the page's data has loaded: bring it into view then. */
export function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [ready, hash]);
}
