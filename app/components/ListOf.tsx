import { Fragment } from 'react';
import type { ListPart } from '../i18n/list-format';

/**
 * A list made on the server (i18n/list-format.ts), each item isolated in <bdi> so a Latin name or
 * a reference keeps its own direction inside Arabic text, joined by the language's own words.
 */
export function ListOf({ parts, dir }: { parts: ListPart[]; dir?: 'ltr' }) {
  return (
    <>
      {parts.map((p, i) => (p.type === 'element' ? <bdi key={i} dir={dir}>{p.value}</bdi> : <Fragment key={i}>{p.value}</Fragment>))}
    </>
  );
}
