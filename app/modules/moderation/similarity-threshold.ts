/**
 * Trigram similarity (0 to 1) from which two texts count as the same input. Copies of a campaign
 * text with a changed name or sentence score above 0.8; different inputs on the same topic, even
 * with shared phrases, stay well below 0.5. A file of its own so the browser bundle can use it.
 */
export const SIMILARITY_THRESHOLD = 0.7;
