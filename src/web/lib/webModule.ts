import type { ReactElement } from 'react';

/** What a module gives the web app: its routes, as <Route> elements under the layout. */
export type WebModule = {
  /** The module's id, as in its manifest (src/shared/modules/<id>.ts). */
  id: string;
  routes: ReactElement;
};
