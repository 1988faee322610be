/**
 * Office documents are zip archives. Their central directory is read (never the data) to refuse
 * archives that would unpack to too many entries, too many bytes, at a suspicious ratio (zip
 * bombs), or to paths outside the archive, before anything is inflated.
 */
import yauzl from 'yauzl';
import { ARCHIVE_LIMITS } from './attachment-types';

export type ArchiveVerdict = 'ok' | 'unsafe' | 'unreadable';

export function inspectArchive(path: string, limits = ARCHIVE_LIMITS): Promise<ArchiveVerdict> {
  return new Promise((resolve) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return resolve('unreadable');
      if (zip.entryCount > limits.maxEntries) {
        zip.close();
        return resolve('unsafe');
      }
      let inflated = 0;
      let done = false;
      const finish = (verdict: ArchiveVerdict) => {
        if (done) return;
        done = true;
        zip.close();
        resolve(verdict);
      };
      // yauzl itself refuses entry names that leave the archive (absolute, "..", drive letters).
      zip.on('error', (err: Error) => finish(/path|file name|characters/i.test(err.message) ? 'unsafe' : 'unreadable'));
      zip.on('end', () => finish('ok'));
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        const escapes = name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..');
        inflated += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (escapes || inflated > limits.maxInflatedBytes || (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)) return finish('unsafe');
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}
