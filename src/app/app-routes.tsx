import { lazy, Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { messages } from '@/lib/messages';
import { CrashBoundary } from './crash-boundary';
import { RootLayout } from './root-layout';
import { ConversationRoute } from './routes/conversation';
import { NotFoundRoute } from './routes/not-found';
import { useScrollOnNavigate } from './use-scroll-on-navigate';

// A pasted link to a conversation is the first page most agents see: it ships in the entry
// chunk. The start page and the triage list load on demand.
const HomeRoute = lazy(() =>
  import('./routes/home').then((module) => ({ default: module.HomeRoute })),
);
const TriageRoute = lazy(() =>
  import('./routes/triage').then((module) => ({ default: module.TriageRoute })),
);

function PageLoading() {
  return (
    <p aria-busy="true" className="text-sm text-muted">
      {messages.loadingPage}
    </p>
  );
}

/** The route table; tests mount it inside a MemoryRouter. */
export function AppRoutes() {
  const location = useLocation();
  useScrollOnNavigate();
  return (
    <RootLayout>
      {/* A new page starts with a clean boundary, so one crash does not stick to the next page. */}
      <CrashBoundary key={location.pathname}>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route index element={<HomeRoute />} />
            <Route path="conversations" element={<TriageRoute />} />
            <Route path="conversations/:id" element={<ConversationRoute />} />
            <Route path="*" element={<NotFoundRoute />} />
          </Routes>
        </Suspense>
      </CrashBoundary>
    </RootLayout>
  );
}
