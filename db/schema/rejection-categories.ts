/** Why an input was not accepted, as counted in the public moderation ledger (a plain list: pages import it too). */
export const REJECTION_CATEGORIES = ['out_of_scope', 'not_gcm', 'abusive', 'spam', 'personal_data_risk', 'other'] as const;
export type RejectionCategory = (typeof REJECTION_CATEGORIES)[number];
