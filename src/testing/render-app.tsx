import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter, useNavigate, type NavigateFunction } from 'react-router';
import { AppRoutes } from '@/app/app-routes';
import { LanguageProvider } from '@/features/language/language-provider';

/** A fresh client per test, without retries, so every state shows at once. */
export function createTestQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

/** Hands out the router's navigate, as links, back and forward buttons would use it. */
function NavigationProbe({ onReady }: { onReady: (navigate: NavigateFunction) => void }) {
  onReady(useNavigate());
  return null;
}

/** Renders the whole app at `url`, as a user landing on that link would see it. */
export function renderApp(url: string, queryClient = createTestQueryClient()) {
  const user = userEvent.setup();
  const router: { navigate: NavigateFunction } = { navigate: () => undefined };
  const view = render(
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <MemoryRouter initialEntries={[url]}>
          <NavigationProbe onReady={(navigate) => (router.navigate = navigate)} />
          <AppRoutes />
        </MemoryRouter>
      </LanguageProvider>
    </QueryClientProvider>,
  );
  return {
    user,
    queryClient,
    navigate: (to: string | number) => router.navigate(to as string),
    ...view,
  };
}

/** Renders one component with what it needs around it (a router, for links). */
export function renderWithRouter(ui: ReactElement) {
  const user = userEvent.setup();
  return { user, ...render(<MemoryRouter>{ui}</MemoryRouter>) };
}
