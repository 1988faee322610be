/**
 * The glyph writer's operators, read back the way a PDF viewer reads them: every glyph must land
 * exactly where the typesetter placed it, marks raised or lowered included, and nothing it sets
 * may shift what is drawn after it on the page.
 */
import { describe, expect, it } from 'vitest';
import { GlyphRun } from '../../templates/pdf/glyph-run';

const SIZE = 10;
/** Widths in thousandths of the font size, as the font's W array gives them (marks have some too). */
const WIDTHS: Record<number, number> = { 1: 500, 2: 600, 3: 250, 4: 0 };

interface Placed {
  gid: number;
  x: number;
  y: number;
}

/**
 * A small content-stream interpreter for what GlyphRun writes: Tm with an identity matrix, Ts,
 * Tf, and TJ arrays of hex glyph ids and numbers; marked-content operators are skipped. The rise
 * is graphics state, so it carries from one stream to the next as it does on a page.
 */
function drawnPositions(streams: string[]): { glyphs: Placed[]; riseAfter: number } {
  const glyphs: Placed[] = [];
  let x = 0;
  let y = 0;
  let rise = 0;
  for (const stream of streams) {
    for (const op of stream.split('\n')) {
      const tm = /^1 0 0 1 (\S+) (\S+) Tm$/.exec(op);
      const ts = /^(\S+) Ts$/.exec(op);
      const tj = /^\[(.*)\] TJ$/.exec(op);
      if (tm) [x, y] = [Number(tm[1]), Number(tm[2])];
      else if (ts) rise = Number(ts[1]);
      else if (tj) {
        for (const [, number, hex] of tj[1].matchAll(/(-?\d+)|<([0-9A-F]{4})>/g)) {
          if (number !== undefined) x -= (Number(number) * SIZE) / 1000;
          else {
            const gid = parseInt(hex, 16);
            glyphs.push({ gid, x, y: y + rise });
            x += (WIDTHS[gid] * SIZE) / 1000;
          }
        }
      } else expect(op).toMatch(/^(\/\w+ \d+ Tf|\/ReversedChars BMC|EMC|BT|ET)$/);
    }
  }
  return { glyphs, riseAfter: rise };
}

function write(run: GlyphRun, placed: Placed[]): string {
  for (const g of placed) run.glyph('arabic', g.gid, WIDTHS[g.gid], g.x, g.y);
  return run.toString();
}

describe('glyph runs', () => {
  it('puts every glyph where it was placed, marks above and below the baseline included', () => {
    // A letter, two dots set 2.5 pt above it and pulled back over it, the next letter, a vowel
    // mark 1.75 pt below, a kerned letter, and a mark ending the line raised.
    const placed: Placed[] = [
      { gid: 1, x: 100, y: 700 },
      { gid: 4, x: 101.2, y: 702.5 },
      { gid: 2, x: 105, y: 700 },
      { gid: 3, x: 108, y: 698.25 },
      { gid: 1, x: 110.8, y: 700 },
      { gid: 3, x: 112, y: 701.125 },
    ];
    const ops = write(new GlyphRun(SIZE), placed);
    const { glyphs, riseAfter } = drawnPositions([ops]);
    expect(glyphs).toHaveLength(placed.length);
    glyphs.forEach((g, i) => {
      expect(g.gid).toBe(placed[i].gid);
      expect(g.x).toBeCloseTo(placed[i].x, 2);
      expect(g.y).toBeCloseTo(placed[i].y, 3);
    });
    // One text matrix for the whole line: the marks move by the rise, not by new matrices.
    expect(ops.match(/ Tm$/gm)).toHaveLength(1);
    expect(riseAfter).toBe(0);
  });

  it('leaves no rise behind for the next line, though its last glyph was raised', () => {
    const first = write(new GlyphRun(SIZE), [
      { gid: 1, x: 50, y: 500 },
      { gid: 3, x: 52, y: 503 },
    ]);
    const second = write(new GlyphRun(SIZE), [{ gid: 2, x: 50, y: 480 }]);
    const { glyphs } = drawnPositions([first, second]);
    expect(glyphs.map((g) => g.y)).toEqual([500, 503, 480]);
  });

  it('starts a new text matrix when the next glyph is too far away for a TJ number', () => {
    const placed: Placed[] = [
      { gid: 1, x: 10, y: 100 },
      { gid: 2, x: 20_000, y: 100 },
    ];
    const ops = write(new GlyphRun(SIZE), placed);
    expect(drawnPositions([ops]).glyphs.map((g) => [g.x, g.y])).toEqual([
      [10, 100],
      [20_000, 100],
    ]);
    expect(ops.match(/ Tm$/gm)).toHaveLength(2);
  });
});
