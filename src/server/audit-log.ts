/**
 * The audit log: one JSON line on standard output for each call to `/api`, proxied or refused,
 * for the team that runs the viewer to keep and search. What was asked and how it ended, never
 * the key, cookies, tokens or bodies. Who asked joins it with sign-in; until then it is null.
 */
export interface AuditEntry {
  event: 'api';
  /** The signed-in agent's e-mail; null while the viewer has no sign-in. */
  user: string | null;
  method: string;
  /** The API path asked, without its query; cut at 300 characters. */
  path: string;
  /** The status answered; 499 when the browser went away first. */
  status: number;
  durationMs: number;
}

export type Audit = (entry: AuditEntry) => void;

/** Writes the entry as one line, with the time it was written. */
export const writeAuditLine: Audit = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};
