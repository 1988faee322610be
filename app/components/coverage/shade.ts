/** The coverage charts' colour scale: from near white (none) to the portal's blue (the most). */
const LOW = [243, 246, 249];
const HIGH = [0, 85, 140];

function rgbOf(share: number): number[] {
  if (share <= 0) return [255, 255, 255];
  const t = 0.15 + 0.85 * Math.min(1, share);
  return LOW.map((low, i) => Math.round(low + (HIGH[i] - low) * t));
}

export function shade(share: number): string {
  const [r, g, b] = rgbOf(share);
  return `rgb(${r}, ${g}, ${b})`;
}

/** WCAG relative luminance of an sRGB colour. */
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Text colour for a number on `shade(share)`: black or white, whichever contrasts more (at least
 * 4.5:1 on every shade of this scale).
 */
export function textOn(share: number): string {
  const l = luminance(rgbOf(share));
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
