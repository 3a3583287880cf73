import { setupServer } from 'msw/node';
import { handlers } from '@/mocks/handlers';

/** MSW in Node with the same handlers as demo mode; tests override per case with `server.use`. */
export const server = setupServer(...handlers);
