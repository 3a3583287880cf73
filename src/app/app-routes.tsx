import { Route, Routes, useLocation } from 'react-router';
import { CrashBoundary } from './crash-boundary';
import { RootLayout } from './root-layout';
import { ConversationRoute } from './routes/conversation';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { TriageRoute } from './routes/triage';
import { useScrollOnNavigate } from './use-scroll-on-navigate';

/** The route table; tests mount it inside a MemoryRouter. */
export function AppRoutes() {
  const location = useLocation();
  useScrollOnNavigate();
  return (
    <RootLayout>
      {/* A new page starts with a clean boundary, so one crash does not stick to the next page. */}
      <CrashBoundary key={location.pathname}>
        <Routes>
          <Route index element={<HomeRoute />} />
          <Route path="conversations" element={<TriageRoute />} />
          <Route path="conversations/:id" element={<ConversationRoute />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Routes>
      </CrashBoundary>
    </RootLayout>
  );
}
