/** "IMRF26-0042": the forum's prefix and a per-forum number, short enough to read over the phone. */
export function formatReference(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(4, '0')}`;
}

const REFERENCE = /^[A-Z0-9]{2,12}-\d{4,9}$/;
export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}
