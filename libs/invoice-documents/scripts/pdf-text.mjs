// Prints, as JSON, the text of the PDF read from stdin page by page as pdf.js extracts it (a line break where pdf.js
// sees one), each text item with its position, and the document's info.
// The library's tests run it as a child process: pdfjs-dist ships ES modules only, which jest's CommonJS cannot load.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  const items = content.items.filter((item) => 'str' in item);
  pages.push({
    text: items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''),
    items: items.map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width })),
  });
}
process.stdout.write(JSON.stringify({ pages, info: (await pdf.getMetadata()).info }));
