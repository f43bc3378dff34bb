import { crc32, deflateSync } from 'node:zlib';
import type { InvoiceDocument, InvoiceLocale } from './invoice-document';

/** A plain PNG logo (a coloured band with a lighter square), made here so samples need no image file. */
export function sampleLogo(width = 180, height = 60): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const light = x > 10 && x < 10 + height - 20 && y > 10 && y < height - 10;
      row.set(light ? [0xf2, 0xb7, 0x05] : [0x1f, 0x3a, 0x5f], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Words a real invoice to that client would carry, per language. */
const CLIENTS: Record<InvoiceLocale, { name: string; address: string; lines: [string, string] }> = {
  en: {
    name: 'Acme Bakery Ltd',
    address: '12 Baker Street\nLondon W1U 3BW\nUnited Kingdom',
    lines: ['Inbox and calendar management', 'Supplier invoice follow-up'],
  },
  de: {
    name: 'Fjord Design Studio GmbH',
    address: 'Torstraße 140\n10119 Berlin\nDeutschland',
    lines: ['Terminverwaltung und Postfach', 'Recherche für Lieferanten'],
  },
  nb: {
    name: 'Nordlys Regnskap AS',
    address: 'Storgata 5\n0155 Oslo\nNorge',
    lines: ['Kalenderstyring og e-post', 'Oppfølging av leverandørfakturaer'],
  },
  ja: {
    name: '株式会社さくら商事',
    address: '〒150-0002\n東京都渋谷区渋谷2-21-1',
    lines: ['メール対応とスケジュール管理', '請求書の確認と取引先への連絡'],
  },
  'zh-Hant': { name: '台北綠葉設計有限公司', address: '臺北市信義區松高路 11 號', lines: ['電子郵件與行程管理', '供應商發票追蹤'] },
  ar: {
    name: 'شركة النخيل للتجارة',
    address: 'شارع الملك فهد ١٢\nالرياض ١٢٢١١\nالمملكة العربية السعودية',
    lines: ['إدارة البريد والتقويم', 'متابعة فواتير الموردين'],
  },
};

/** A complete invoice in one language (a credit note with `kind`), for tests, samples and previews. */
export function sampleInvoice(locale: InvoiceLocale, overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const client = CLIENTS[locale];
  const yen = locale === 'ja';
  return {
    kind: 'invoice',
    number: 'INV-2026-0007',
    status: 'issued',
    issueDate: '2026-11-30',
    dueDate: '2026-12-14',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    currency: yen ? 'JPY' : 'EUR',
    locale,
    agency: {
      name: 'Northwind Assistants',
      address: 'Keizersgracht 123\n1015 CJ Amsterdam',
      taxId: 'NL123456789B01',
      email: 'billing@northwind.example',
      logo: sampleLogo(),
    },
    client: { name: client.name, billingAddress: client.address, taxId: 'DE811907980' },
    lines: [
      {
        description: client.lines[0],
        quantity: '12.5',
        unit: 'hour',
        unitPrice: yen ? '4000' : '40.00',
        amount: yen ? '50000' : '500.00',
        note: null,
      },
      {
        description: client.lines[1],
        quantity: '1',
        unit: 'month',
        unitPrice: yen ? '30000' : '250.00',
        amount: yen ? '30000' : '250.00',
        note: null,
      },
      {
        description: client.lines[0],
        quantity: '1.5',
        unit: 'hour',
        unitPrice: yen ? '4000' : '40.00',
        amount: yen ? '0' : '0.00',
        note: null,
      },
      {
        description: client.lines[1],
        quantity: '10',
        unit: 'percent',
        unitPrice: yen ? '-8000' : '-75.00',
        amount: yen ? '-8000' : '-75.00',
        note: 'Compensation offer',
      },
    ],
    subtotal: yen ? '72000' : '675.00',
    taxRate: '19',
    taxAmount: yen ? '13680' : '128.25',
    total: yen ? '85680' : '803.25',
    reverseCharge: false,
    creditNoteFor: null,
    payments: [{ date: '2026-12-01', amount: yen ? '20000' : '300.00', method: 'SEPA' }],
    amountDue: yen ? '65680' : '503.25',
    notes: null,
    ...overrides,
  };
}
