import type { StaffInstant } from '../modules/time/format-instant';

/**
 * A moment on a staff page (modules/time/format-instant.ts): the words for people, the ISO form
 * for machines, isolated so that the digits and the zone keep their order inside Arabic text.
 */
export function Instant({ at }: { at: StaffInstant }) {
  return (
    <bdi>
      <time dateTime={at.iso}>{at.text}</time>
    </bdi>
  );
}
