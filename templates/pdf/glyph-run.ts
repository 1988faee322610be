/**
 * Content-stream text operators for positioned glyphs (used by text-layout.ts, which decides
 * where each glyph goes).
 */
import { hex4 } from './embed-font';
import type { FontKey } from './fonts';

/** The name each font has in a page's /Font resources. */
export const FONT_RESOURCE: Record<FontKey, string> = { latin: 'FL', arabic: 'FA', cjk: 'FC' };

/**
 * Writes glyphs at given positions with as few operators as a PDF allows: one TJ array for glyphs
 * on one baseline, where each glyph moves the pen by its width in the font's W array and a number
 * between two glyphs corrects that to the shaped advance (kerning, Arabic marks set beside their
 * base). A glyph raised or lowered (a vowel mark) starts a new positioned run. One positioned
 * operator per glyph made content streams five times longer and cost a third of a receipt's time.
 */
export class GlyphRun {
  private readonly ops: string[] = [];
  /** Elements of the TJ array being written, if one is open. */
  private array: string[] = [];
  private font: FontKey | undefined;
  /** Where the next glyph would land with no correction; undefined before the first Tm. */
  private penX: number | undefined;
  private baseline = '';

  constructor(
    private readonly size: number,
    private readonly width: (font: FontKey, gid: number) => number,
  ) {}

  /** Any other operator (marked content, colour): the TJ array in progress ends first. */
  raw(op: string) {
    this.closeArray();
    this.ops.push(op);
  }

  glyph(font: FontKey, gid: number, x: number, y: number) {
    if (font !== this.font) {
      this.raw(`/${FONT_RESOURCE[font]} ${num(this.size)} Tf`);
      this.font = font;
    }
    const baseline = num(y);
    // TJ numbers are thousandths of the font size, subtracted from the position.
    const correction = this.penX === undefined ? 0 : Math.round(((this.penX - x) * 1000) / this.size);
    if (this.penX === undefined || baseline !== this.baseline || Math.abs(correction) > 100_000) {
      this.raw(`1 0 0 1 ${num(x)} ${baseline} Tm`);
      this.baseline = baseline;
      this.penX = x;
    } else if (correction !== 0) {
      this.array.push(String(correction));
      this.penX -= (correction * this.size) / 1000;
    }
    this.array.push(`<${hex4(gid)}>`);
    this.penX += (this.width(font, gid) * this.size) / 1000;
  }

  toString(): string {
    this.closeArray();
    return this.ops.join('\n');
  }

  private closeArray() {
    if (this.array.length === 0) return;
    this.ops.push(`[${this.array.join('')}] TJ`);
    this.array = [];
  }
}

/** A number as content streams write it: at most three decimals, no exponent. */
export function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
