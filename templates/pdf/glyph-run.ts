/**
 * Content-stream text operators for positioned glyphs (used by text-layout.ts, which decides
 * where each glyph goes).
 */
import { hex4 } from './hex';
import type { FontKey } from './fonts';

/** The name each font has in a page's /Font resources. */
export const FONT_RESOURCE: Record<FontKey, string> = { latin: 'FL', arabic: 'FA', cjk: 'FC' };

/**
 * Writes glyphs at given positions with as few operators as a PDF allows: one TJ array for glyphs
 * on one baseline, where each glyph moves the pen by its width in the font's W array and a number
 * between two glyphs corrects that to the shaped advance (kerning, Arabic marks set beside their
 * base). A glyph raised or lowered (a vowel mark, the dots Arabic fonts set over a dotless
 * letter) changes the text rise (`Ts`) and stays in the run: a new text matrix for each mark and
 * another for the letter after it made up over a third of an Arabic receipt's content. One
 * positioned operator per glyph made content streams five times longer and cost a third of a
 * receipt's time.
 */
export class GlyphRun {
  /** The operators written, one per line (built by appending: V8 joins the pieces once, at the end). */
  private ops = '';
  /** Elements of the TJ array being written, if one is open. */
  private array = '';
  private font: FontKey | undefined;
  /** Where the next glyph would land with no correction; undefined before the first Tm. */
  private penX: number | undefined;
  /** The baseline set by the last Tm, and the rise above it now in force, in thousandths of a point. */
  private baseline = 0;
  private rise = 0;

  constructor(private readonly size: number) {}

  /** Any other operator (marked content, colour): the TJ array in progress ends first. */
  raw(op: string) {
    this.closeArray();
    this.ops += `${op}\n`;
  }

  /** Glyph `gid` at (x, y); `width` is its width in the font's W array, in thousandths of the em. */
  glyph(font: FontKey, gid: number, width: number, x: number, y: number) {
    if (font !== this.font) {
      this.raw(`/${FONT_RESOURCE[font]} ${num(this.size)} Tf`);
      this.font = font;
    }
    // TJ numbers are thousandths of the font size, subtracted from the position.
    const correction = this.penX === undefined ? 0 : Math.round(((this.penX - x) * 1000) / this.size);
    if (this.penX === undefined || Math.abs(correction) > 100_000) {
      this.setRise(0);
      this.raw(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
      this.baseline = y;
      this.penX = x;
    } else {
      // With the identity text matrix, the rise is in points, like x and y.
      this.setRise(Math.round((y - this.baseline) * 1000));
      if (correction !== 0) {
        this.array += correction;
        this.penX -= (correction * this.size) / 1000;
      }
    }
    this.array += `<${hex4(gid)}>`;
    this.penX += (width * this.size) / 1000;
  }

  /**
   * The operators written. The rise is part of the graphics state and outlives the text object,
   * so it is put back to 0 for whatever is drawn next on the page.
   */
  toString(): string {
    this.setRise(0);
    this.closeArray();
    return this.ops.slice(0, -1);
  }

  private setRise(thousandths: number) {
    if (thousandths === this.rise) return;
    this.raw(`${thousandths / 1000} Ts`);
    this.rise = thousandths;
  }

  private closeArray() {
    if (this.array === '') return;
    this.ops += `[${this.array}] TJ\n`;
    this.array = '';
  }
}

/** A number as content streams write it: at most three decimals, no exponent. */
export function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
