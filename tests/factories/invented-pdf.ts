/**
 * A PDF written by hand, so that none of its names or object references is known to pdf-lib before
 * it is parsed: `count` made-up names (each `/${prefix}N`) and as many references in the catalog,
 * and 500 small objects besides. Costly to parse in memory and time in proportion to `count`.
 */
export function inventedPdf(count: number, prefix: string, catalogExtra = ''): Buffer {
  const names = Array.from({ length: count }, (_, i) => `/${prefix}${i} ${i}`).join(' ');
  const refs = Array.from({ length: count }, (_, i) => `${100_000 + i} 7 R`).join(' ');
  // Many small objects: a parse that paused between objects would show.
  const small = Array.from({ length: 500 }, (_, i) => `<< /${prefix}Small ${i} >>`);
  const objects = [`<< /Type /Catalog /Pages 2 0 R /Extra << ${names} >> /Refs [${refs}] ${catalogExtra}>>`, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>', ...small];
  let text = '%PDF-1.7\n';
  const offsets = objects.map((o, i) => {
    const at = Buffer.byteLength(text, 'latin1');
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}
