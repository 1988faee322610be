/**
 * Horizontal bars as server-rendered SVG, one per labelled count, the count written after each
 * bar. Mirrored for right-to-left pages. Screen readers get the title and description; the page
 * puts the same numbers in a table.
 */
import { shade } from './shade';

const LABEL = 200;
const BAR = 380;
const ROW = 24;
const VALUE = 70;

export function Bars({
  id,
  title,
  description,
  items,
  rtl,
}: {
  id: string;
  title: string;
  description: string;
  items: Array<{ label: string; value: number; shown: string }>;
  rtl: boolean;
}) {
  const width = LABEL + BAR + VALUE;
  const height = items.length * ROW + 4;
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} direction={rtl ? 'rtl' : 'ltr'} className="coverage-chart" fontSize="12">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {items.map((item, i) => {
        const length = (item.value / max) * BAR;
        const y = i * ROW;
        const barStart = rtl ? width - LABEL - length : LABEL;
        const valueAt = rtl ? width - LABEL - length - 6 : LABEL + length + 6;
        return (
          <g key={i}>
            <text x={rtl ? width - LABEL + 8 : LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {item.label}
            </text>
            <rect x={barStart} y={y + 3} width={Math.max(length, item.value > 0 ? 1 : 0)} height={ROW - 8} fill={shade(0.8)} />
            <text x={valueAt} y={y + ROW / 2 + 4} textAnchor={rtl ? 'end' : 'start'} direction="ltr">
              {item.shown}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
