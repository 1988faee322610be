/**
 * A heat map as server-rendered SVG: rows × columns of counts, each cell shaded by its share of
 * the largest count and labelled with its number (colour is never the only signal). Mirrored for
 * right-to-left pages: row labels on the right, columns running from the right. Screen readers get
 * the title and description here; the page puts the same numbers in a table.
 */
import { shade, textOn } from './shade';

const CELL = 30;
const ROW_LABEL = 250;
const COLUMN_LABEL = 230;

export function HeatMap({
  id,
  title,
  description,
  rows,
  columns,
  counts,
  shown,
  rtl,
}: {
  id: string;
  title: string;
  description: string;
  rows: string[];
  columns: string[];
  counts: number[][];
  /** The counts as the page writes numbers. */
  shown: string[][];
  rtl: boolean;
}) {
  const width = ROW_LABEL + columns.length * CELL + COLUMN_LABEL;
  const height = COLUMN_LABEL + rows.length * CELL + 4;
  const max = Math.max(1, ...counts.flat());
  // Left to right, x is measured from the left edge; right to left, from the right edge.
  const x = (ltr: number) => (rtl ? width - ltr : ltr);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      direction={rtl ? 'rtl' : 'ltr'}
      className="coverage-chart"
      fontSize="11"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {columns.map((label, j) => {
        const cx = x(ROW_LABEL + j * CELL + CELL / 2);
        const y = COLUMN_LABEL - 6;
        return (
          <text key={`c${j}`} x={cx} y={y} textAnchor="start" transform={`rotate(${rtl ? 45 : -45} ${cx} ${y})`}>
            {label}
          </text>
        );
      })}
      {rows.map((label, i) => (
        <g key={`r${i}`}>
          <text x={x(ROW_LABEL - 6)} y={COLUMN_LABEL + i * CELL + CELL / 2 + 4} textAnchor="end">
            {label}
          </text>
          {columns.map((_, j) => {
            const n = counts[i][j];
            const left = rtl ? width - ROW_LABEL - (j + 1) * CELL : ROW_LABEL + j * CELL;
            return (
              <g key={j}>
                <rect x={left} y={COLUMN_LABEL + i * CELL} width={CELL - 2} height={CELL - 2} fill={shade(n / max)} stroke="#c9d1d9" strokeWidth="0.5" />
                {n > 0 ? (
                  <text x={left + (CELL - 2) / 2} y={COLUMN_LABEL + i * CELL + CELL / 2 + 3} textAnchor="middle" fill={textOn(n / max)} direction="ltr" fontSize="10">
                    {shown[i][j]}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
