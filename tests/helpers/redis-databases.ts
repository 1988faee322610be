/**
 * Redis logical databases of the test files that run their own workers, queues or portal
 * processes. Files run in parallel, so each needs its own number (BullMQ keys and job ids would
 * collide otherwise); 0 is the shared default. The project's redis-server has 64 databases (a REDIS_URL server may
 * have the default 16). Take a new number here when adding such a file.
 */
export const REDIS_DB = {
  workerRecovery: 1,
  wholePath: 2,
  submitAbuse: 3,
  outboxFailures: 4,
  outboxRelay: 5,
  formCounters: 6,
  drafts: 9,
  changesRequested: 10,
  badInput: 11,
  forumAdmin: 7,
  apiSubmit: 8,
  apiReads: 12,
  hostileRequests: 13,
  attachments: 14,
  personalDataErasure: 15,
  staffAccess: 16,
  staffAccounts: 17,
  moderation: 18,
  moderationLedger: 19,
  publicationCare: 20,
  atomFeeds: 21,
  openData: 22,
  publicSearch: 23,
  apiSubmitBodies: 24,
  coverage: 25,
  book: 26,
  languages: 27,
  accessibility: 28,
  keyboard: 29,
  pageWeight: 30,
  typingWhileLoading: 31,
  operations: 32,
  hostileInput: 36,
  operationsPage: 35,
  reconcile: 37,
  security: 38,
} as const;
