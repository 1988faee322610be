export * from './forums';
export * from './staff';
export * from './submissions';
export * from './audit-events';
export * from './outbox';
export * from './email-deliveries';
export * from './rate-limits';
export * from './late-access-codes';
