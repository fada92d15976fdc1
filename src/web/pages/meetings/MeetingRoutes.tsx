import { Navigate, Route, Routes } from 'react-router';
import { AreaNav } from '../../components/AreaNav.tsx';
import { MeetingsPage } from './MeetingsPage.tsx';
import { ConvenePage } from './ConvenePage.tsx';
import { MeetingPage } from './MeetingPage.tsx';

/** Meetings (food-safety clause 6 and the other agreements): convened, recorded, followed up. */
export function MeetingRoutes() {
  return (
    <>
      <AreaNav />
      <Routes>
        <Route index element={<MeetingsPage />} />
        <Route path="new" element={<ConvenePage />} />
        <Route path=":id" element={<MeetingPage />} />
        <Route path="*" element={<Navigate to="/meetings" replace />} />
      </Routes>
    </>
  );
}
