import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { messages } from '@/lib/messages';
import { CrashBoundary } from './crash-boundary';
import { RootLayout } from './root-layout';
import { ConversationRoute } from './routes/conversation';
import { useScrollOnNavigate } from './use-scroll-on-navigate';

// A pasted link to a conversation is the first page most agents see: it ships in the entry
// chunk. The start page and the triage list load on demand.
const HomeRoute = lazy(() =>
  import('./routes/home').then((module) => ({ default: module.HomeRoute })),
);
const TriageRoute = lazy(() =>
  import('./routes/triage').then((module) => ({ default: module.TriageRoute })),
);

// Every other address: sign-in's own pages, and "not found". Rare, and nothing a conversation needs.
const OtherRoute = lazy(() =>
  import('./routes/other').then((module) => ({ default: module.OtherRoute })),
);

function PageLoading() {
  return (
    <p aria-busy="true" className="text-sm text-muted">
      {messages.loadingPage}
    </p>
  );
}

/** A page whose code loads on demand. */
function OnDemand({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

/**
 * The route table; tests mount it inside a MemoryRouter. Only pages that load on demand sit in a
 * Suspense boundary: a server-rendered conversation then hydrates in one pass, with the clock it
 * was rendered at.
 */
export function AppRoutes() {
  const location = useLocation();
  useScrollOnNavigate();
  return (
    <RootLayout>
      {/* A new page starts with a clean boundary, so one crash does not stick to the next page. */}
      <CrashBoundary key={location.pathname}>
        <Routes>
          <Route
            index
            element={
              <OnDemand>
                <HomeRoute />
              </OnDemand>
            }
          />
          <Route
            path="conversations"
            element={
              <OnDemand>
                <TriageRoute />
              </OnDemand>
            }
          />
          <Route path="conversations/:id" element={<ConversationRoute />} />
          <Route
            path="*"
            element={
              <OnDemand>
                <OtherRoute />
              </OnDemand>
            }
          />
        </Routes>
      </CrashBoundary>
    </RootLayout>
  );
}
