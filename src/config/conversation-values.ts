/**
 * The status and priority values the API's contract lists (shared/api/README.md): the vocabulary
 * the writes are checked against and the pages draw. Enums may grow: readers keep unknown values.
 */
export const knownStatuses = ['HUMAN_REQUESTED', 'UNRESOLVED', 'RESOLVED'] as const;
export const knownPriorities = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type KnownStatus = (typeof knownStatuses)[number];
export type KnownPriority = (typeof knownPriorities)[number];
