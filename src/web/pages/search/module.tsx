import { Route } from 'react-router';
import type { WebModule } from '../../lib/webModule.ts';
import { SearchPage } from './SearchPage.tsx';

export const searchWeb: WebModule = { id: 'search', routes: <Route path="search" element={<SearchPage />} /> };
