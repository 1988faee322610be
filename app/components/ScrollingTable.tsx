import type { ReactNode } from 'react';

/**
 * A data table that scrolls sideways in its own box when the screen is narrower than its columns
 * (at 400% zoom, or on a phone): the page itself never does (WCAG 1.4.10 lets two-dimensional
 * tables scroll). The box is a named region in the tab order, so it can be scrolled by keyboard.
 */
export function ScrollingTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table>{children}</table>
    </div>
  );
}
