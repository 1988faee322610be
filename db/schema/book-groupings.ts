/** How a book of inputs is divided into chapters (pure: pages use it too). */
export const BOOK_GROUPINGS = ['constituency', 'objective'] as const;
export type BookGrouping = (typeof BOOK_GROUPINGS)[number];
