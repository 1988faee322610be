import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { receiveUpload, type UploadLimits } from '../../app/modules/attachments/receive-upload';

const limits: UploadLimits = { maxFiles: 2, maxFileBytes: 64 * 1024, maxRequestBytes: 256 * 1024, maxFieldBytes: 8 * 1024, maxFields: 20 };
const tmp = () => path.join(inject('dataDir'), 'uploads', crypto.randomUUID());

function multipart(build: (form: FormData) => void) {
  const form = new FormData();
  build(form);
  return new Request('http://localhost/upload', { method: 'POST', body: form });
}

/** The same body without a Content-Length: a chunked upload. */
async function chunked(request: Request) {
  const bytes = new Uint8Array(await request.arrayBuffer());
  const body = new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.subarray(i, i + 16 * 1024));
      controller.close();
    },
  });
  return new Request('http://localhost/upload', { method: 'POST', body, headers: { 'Content-Type': request.headers.get('Content-Type')! }, duplex: 'half' } as RequestInit);
}

describe('receiving uploads', () => {
  it('streams files to server-named temporary files, keeping fields as sent and only the last part of a file name', async () => {
    const dir = tmp();
    const request = multipart((f) => {
      f.append('title', 'عنوان المساهمة');
      f.append('attachments', new Blob(['نص مرفق']), 'ملاحظات.txt');
      f.append('attachments', new Blob([new Uint8Array(40 * 1024)]), '../../report.pdf');
    });
    const result = await receiveUpload(request, dir, limits);
    if (!result.ok) throw new Error(result.problem);
    expect(result.fields).toEqual([['title', 'عنوان المساهمة']]);
    expect(result.files.map((f) => [f.originalName, f.sizeBytes])).toEqual([['ملاحظات.txt', Buffer.byteLength('نص مرفق')], ['report.pdf', 40 * 1024]]);
    for (const f of result.files) expect(path.dirname(f.path)).toBe(dir);
    expect(readFileSync(result.files[0].path, 'utf8')).toBe('نص مرفق');
  });

  it('cuts off a file over its limit and files beyond the number allowed, and still reads the fields after them', async () => {
    const request = multipart((f) => {
      f.append('title', 'قبل الملفات');
      f.append('a', new Blob([new Uint8Array(65 * 1024).fill(7)]), 'big.pdf');
      f.append('a', new Blob(['x']), 'small.txt');
      f.append('a', new Blob(['y']), 'third.txt');
      f.append('body', 'بعد الملفات\r\nسطر ثانٍ');
    });
    for (const send of [request.clone(), await chunked(request.clone())]) {
      const result = await receiveUpload(send, tmp(), limits);
      if (!result.ok) throw new Error(result.problem);
      expect(result.fields).toEqual([['title', 'قبل الملفات'], ['body', 'بعد الملفات\r\nسطر ثانٍ']]);
      expect(result.files.map((f) => [f.originalName, f.truncated])).toEqual([['big.pdf', true], ['small.txt', false]]);
      expect(result.files[0].sizeBytes).toBe(64 * 1024);
      expect(result.filesDropped).toBe(true);
    }
  });

  it('stops at a huge field, a request over its limit or a broken body, leaving no file behind', async () => {
    const cases: Array<[string, Request, string]> = [
      ['huge field', multipart((f) => f.append('body', 'x'.repeat(9 * 1024))), 'upload.fieldTooLarge'],
      ['request too large', multipart((f) => { f.append('a', new Blob([new Uint8Array(60 * 1024)]), '1.pdf'); f.append('b', new Blob([new Uint8Array(60 * 1024)]), '2.pdf'); for (let i = 0; i < 18; i++) f.append(`f${i}`, 'y'.repeat(8000)); }), 'upload.requestTooLarge'],
    ];
    for (const [name, request, problem] of cases) {
      for (const send of [request.clone(), await chunked(request.clone())]) {
        const dir = tmp();
        const result = await receiveUpload(send, dir, limits);
        expect(result, name).toMatchObject({ ok: false, problem });
        expect(existsSync(dir) ? readdirSync(dir) : [], name).toEqual([]);
      }
    }
  });

  it('refuses what is not multipart at all', async () => {
    const request = new Request('http://localhost/upload', { method: 'POST', body: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(await receiveUpload(request, tmp(), limits)).toMatchObject({ ok: false, problem: 'upload.malformed' });
    const broken = new Request('http://localhost/upload', { method: 'POST', body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end', headers: { 'Content-Type': 'multipart/form-data; boundary=x' } });
    expect((await receiveUpload(broken, tmp(), limits)).ok).toBe(false);
  });
});
