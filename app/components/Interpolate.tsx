import { Fragment, type ReactNode } from 'react';

/**
 * Fills a translated sentence's {placeholders} with user text, each isolated in <bdi>, so a Latin
 * name inside an Arabic sentence (or the reverse) cannot reorder the words around it.
 */
export function Interpolate({ template, values }: { template: string; values: Record<string, ReactNode> }) {
  return (
    <>
      {template.split(/(\{\w+\})/).map((part, i) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return name && name in values ? <bdi key={i}>{values[name]}</bdi> : <Fragment key={i}>{part}</Fragment>;
      })}
    </>
  );
}
