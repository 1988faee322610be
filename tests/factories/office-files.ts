/** A minimal, valid DOCX made with fflate: the smallest file the attachment inspection accepts as one. */
import { strToU8, zipSync } from 'fflate';

/** `text` becomes one paragraph (none when omitted); `extra` adds or replaces zip entries. */
export function docx(extra: Record<string, Uint8Array> = {}, text?: string): Uint8Array {
  const body = text === undefined ? '<w:body/>' : `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${body}</w:document>`),
    ...extra,
  });
}
