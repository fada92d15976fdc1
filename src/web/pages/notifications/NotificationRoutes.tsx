import { Navigate, Route, Routes } from 'react-router';
import { AreaNav } from '../../components/AreaNav.tsx';
import { InboxPage } from './inbox/InboxPage.tsx';
import { ComposePage } from './compose/ComposePage.tsx';
import { EditDraftPage } from './compose/EditDraftPage.tsx';
import { NotificationPage } from './detail/NotificationPage.tsx';

/** Food-safety notifications (clauses 1 and 2): the unit's boxes, drafting, and each notification. */
export function NotificationRoutes() {
  return (
    <>
      <AreaNav />
      <Routes>
        <Route index element={<InboxPage />} />
        <Route path="new" element={<ComposePage />} />
        <Route path=":id" element={<NotificationPage />} />
        <Route path=":id/edit" element={<EditDraftPage />} />
        <Route path="*" element={<Navigate to="/notifications" replace />} />
      </Routes>
    </>
  );
}
