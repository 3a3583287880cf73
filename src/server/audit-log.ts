/**
 * The audit log: one JSON line on standard output for each call to the API, proxied or refused (a
 * write with what it changed), and for each sign-in, refused sign-in and sign-out, for the team
 * that runs the viewer to keep and search. Who, what and how it ended; never the key, cookies,
 * tokens or bodies.
 */

/** Why a request was refused before the API heard of it. */
export type AccessRefusal =
  | 'signed-out'
  | 'session-invalid'
  | 'session-expired'
  | 'session-idle'
  | 'email-not-verified'
  | 'account-not-allowed';

/** What a write changed: the field, its value before when the API told us, and after. */
export interface AuditChange {
  field: 'status' | 'priority' | 'aiEnabled' | 'assignee' | 'note' | 'message';
  from?: string | boolean | string[];
  to: string | boolean | null;
  /** An assignment that took the conversation over from someone else. */
  force?: true;
  /** A message's length in characters: the log never holds what agents or customers wrote. */
  length?: number;
}

export type AuditEntry =
  | {
      event: 'api';
      /** The signed-in agent's e-mail; null with sign-in off, or when nobody is signed in. */
      user: string | null;
      method: string;
      /** The API path asked, without its query; cut at 300 characters. */
      path: string;
      /** The conversation read or written (the CRM history's path leaves it to the query). */
      conversationId?: string;
      /** What a write changed. */
      change?: AuditChange;
      /** The status answered; 499 when the browser went away first. */
      status: number;
      durationMs: number;
      /** Set when the viewer refused the call for who sent it, and why. */
      refused?: AccessRefusal | 'not-from-viewer-page';
      /**
       * Answered without a call of its own: from the answer kept for every agent (`hit`), or from
       * the same read another agent's call was making (`shared`).
       */
      cache?: 'hit' | 'shared';
      /** Not passed on: the API had asked the viewer to wait (429 or 503 with Retry-After). */
      heldBack?: true;
    }
  | { event: 'sign-in'; user: string }
  | {
      event: 'sign-in-refused';
      /** The account the provider named, when it got that far. */
      user: string | null;
      reason: string;
    }
  | { event: 'sign-out'; user: string | null };

export type Audit = (entry: AuditEntry) => void;

/** Writes the entry as one line, with the time it was written. */
export const writeAuditLine: Audit = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};
