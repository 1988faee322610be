/** Slugs are lower-case words joined by hyphens; anything else names no forum (and never reaches SQL). Pure: pages use it too. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return value.length <= 80 && SLUG.test(value);
}
