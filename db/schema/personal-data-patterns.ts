/**
 * Patterns of likely personal data in an input's text (e-mail addresses, phone numbers), written
 * to mean the same in JavaScript and PostgreSQL regular expressions: the database flags inputs
 * with them (submissions.likely_personal_data), and app/modules/moderation/personal-data-hints.ts
 * marks the matches for the moderator. No single quotes: they are placed in SQL as literals.
 */
const DIGIT = '[0-9\u0660-\u0669\u06F0-\u06F9]';
export const NOT_DIGIT = '[^0-9\u0660-\u0669\u06F0-\u06F9]';

export const EMAIL_PATTERN = '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}';
/** International numbers (+ or 00), and local ones of ten digits in groups of 3-3-4 (or 3-3-3). */
export const PHONE_PATTERN = `(\\+|00)${DIGIT}(${DIGIT}|[ ().-]){6,}${DIGIT}|(^|${NOT_DIGIT})${DIGIT}{3}[ .-]?${DIGIT}{3}[ .-]?${DIGIT}{3,4}(${NOT_DIGIT}|$)`;
