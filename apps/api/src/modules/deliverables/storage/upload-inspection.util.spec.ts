import { contentDisposition } from './content-disposition.util';
import { checkFileName, inspectUpload } from './upload-inspection.util';

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(16)]);
const zip = (...names: string[]) => Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(26), ...names.map((n) => Buffer.from(n))]);
const OOXML = 'application/vnd.openxmlformats-officedocument';

describe('inspectUpload', () => {
  it('decides the type from the bytes and accepts names and declared types that agree', () => {
    expect(inspectUpload('a.pdf', 'application/pdf', PDF)).toEqual({ ok: true, name: 'a.pdf', contentType: 'application/pdf' });
    expect(inspectUpload('Logo.PNG', 'image/png', PNG)).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(inspectUpload('r.docx', `${OOXML}.wordprocessingml.document`, zip('[Content_Types].xml', 'word/document.xml'))).toMatchObject({
      ok: true,
    });
    expect(inspectUpload('r.xlsx', `${OOXML}.spreadsheetml.sheet`, zip('[Content_Types].xml', 'xl/workbook.xml'))).toMatchObject({
      ok: true,
    });
    expect(inspectUpload('n.csv', 'application/vnd.ms-excel', Buffer.from('a,b\n1,2\n'))).toMatchObject({
      ok: true,
      contentType: 'text/csv; charset=utf-8',
    });
    expect(inspectUpload('n.txt', 'text/plain', Buffer.from('grüße\n'))).toMatchObject({
      ok: true,
      contentType: 'text/plain; charset=utf-8',
    });
  });

  it('refuses what is not on the list, and names or declared types that lie about the bytes', () => {
    expect(inspectUpload('x.exe', 'application/octet-stream', Buffer.from('MZ\x90\x00'))).toMatchObject({ ok: false, status: 415 });
    expect(inspectUpload('x.pdf', 'application/pdf', PNG)).toMatchObject({ ok: false, status: 415 });
    expect(inspectUpload('x.png', 'application/pdf', PNG)).toMatchObject({ ok: false, status: 415 });
    expect(inspectUpload('x.docx', `${OOXML}.wordprocessingml.document`, zip('word/document.xml'))).toMatchObject({
      ok: false,
      status: 415,
    });
    expect(inspectUpload('x.zip', 'application/zip', zip('a.txt'))).toMatchObject({ ok: false, status: 415 });
    expect(inspectUpload('x.txt', 'text/plain', Buffer.from([0x61, 0x00]))).toMatchObject({ ok: false, status: 415 });
    expect(inspectUpload('x.txt', 'text/plain', Buffer.from([0xc3, 0x28]))).toMatchObject({ ok: false, status: 415 });
    expect(inspectUpload('x.txt', 'text/plain', Buffer.alloc(0))).toMatchObject({ ok: false, status: 400 });
  });
});

describe('checkFileName', () => {
  it.each([
    ['', 'needs a name'],
    ['../a.pdf', '/'],
    ['a\\b.pdf', '/'],
    ['..', '..'],
    ['a\u0000.pdf', 'control'],
    ['a\r\n.pdf', 'control'],
    ['a\u202Efdp.exe', 'control'],
    [`${'é'.repeat(128)}.pdf`, '255 bytes'],
    [' a.pdf', 'spaces'],
  ])('refuses %j', (name, why) => {
    expect(checkFileName(name)).toContain(why);
  });

  it('accepts ordinary names in any script', () => {
    expect(checkFileName('Bericht März (final).pdf')).toBeNull();
    expect(checkFileName('報告.docx')).toBeNull();
  });
});

describe('contentDisposition', () => {
  it('keeps quotes and non-ASCII out of the quoted name and the exact name in filename*', () => {
    expect(contentDisposition('a"b\\c é.pdf')).toBe(`attachment; filename="a_b_c _.pdf"; filename*=UTF-8''a%22b%5Cc%20%C3%A9.pdf`);
  });
});
