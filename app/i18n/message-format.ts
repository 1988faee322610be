/**
 * How one message becomes text: the wording its plural category needs, then {placeholders} filled,
 * numbers in the language's digits. The server's translator and the browser's enhance script (which
 * counts words as people type) both go through here, so a count reads the same on either side.
 */

/** A message with its plural wordings (plurals.ts), as the server hands it to the browser. */
export interface MessageForms {
  message: string;
  /** The numeric parameter the wording agrees with. */
  by?: string;
  forms?: Partial<Record<Intl.LDMLPluralRule, string>>;
}

export function formatMessage(
  m: MessageForms,
  params: Record<string, string | number>,
  numbers: Intl.NumberFormat,
  plurals: Intl.PluralRules,
): string {
  const n = m.by ? params[m.by] : undefined;
  const wording = (typeof n === 'number' && m.forms?.[plurals.select(n)]) || m.message;
  return wording.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}
