/**
 * The shape of the viewer's one session check: who is asking and whether they may read, and the
 * `/auth/*` routes around it. Apart from access.ts, which picks the check, so the sign-in that
 * builds one (oidc-sign-in.ts) does not import it back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessRefusal } from '../audit-log.ts';

export type Visitor =
  | { admitted: true; user: string | null }
  | { admitted: false; user: string | null; refusal: AccessRefusal };

export type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
) => void;

export interface Access {
  /**
   * Who sends this request and whether they may read. May set a cookie on the response (the
   * session's idle clock moving on), so it is asked before the response's head is written.
   */
  visitor: (request: IncomingMessage, response: ServerResponse) => Promise<Visitor>;
  /** `/auth/*`: sign-in, its return, sign-out and who is signed in. */
  routes: Middleware;
}
