import mjml2html from 'mjml';
import type { Brand } from './brand';

/** One line of a list (a digest's emails, a burst's comments), a link when it has a url. */
export interface ListItem {
  text: string;
  url?: string;
}

/** One list of an email (a digest has two: what happened, what waits). */
export interface ListSection {
  heading: string | null;
  items: ListItem[];
}

/** The parts of one email that fill the layout. */
export interface LayoutParts {
  lang: string;
  dir: 'ltr' | 'rtl';
  paragraphs: string[];
  /** Lists after the paragraphs, each under its heading when it has one. */
  lists: ListSection[];
  action: { label: string; url: string } | null;
  after: string[];
  /** Footer lines: why the reader gets this, then the agency's own footer text when it has one. */
  footer: string[];
  /** "Powered by Candor", once and small, under a branded footer; null on Candor's own look. */
  poweredBy: string | null;
  unsubscribe: { label: string; url: string } | null;
  /** The agency's look; null keeps the layout's compiled brand. */
  brand: EmailBrand | null;
}

/** One agency's look in an email: its name or logo over the message, its colour on the header and the button. */
export interface EmailBrand {
  name: string;
  /** Six-digit hex, already checked for AA contrast under white text. */
  primaryColor: string;
  /** Absolute URL the mail client fetches; null shows the name. */
  logoUrl: string | null;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

// Markers MJML passes through untouched; the compiled skeleton is filled per email without MJML.
const MARK = {
  lang: 'candorlang',
  body: '@@BODY@@',
  url: 'https://candor.invalid/action',
  label: '@@LABEL@@',
  after: '@@AFTER@@',
  footer: '@@FOOTER@@',
  header: '@@HEADER@@',
  // A colour no brand is refused for (it passes AA), put where the brand colour goes, replaced per email.
  color: '#0b0c0d',
};

const HEX = /^#[0-9a-f]{6}$/i;

function source(brand: Brand, dir: 'ltr' | 'rtl', withAction: boolean): string {
  const align = dir === 'rtl' ? 'right' : 'left';
  return `<mjml lang="${MARK.lang}" dir="${dir}">
  <mj-head>
    <mj-attributes>
      <mj-all font-family="${escapeHtml(brand.fontFamily)}" />
      <mj-text color="${brand.textColor}" font-size="15px" line-height="1.55" align="${align}" css-class="candor-text" />
    </mj-attributes>
    <mj-style>.candor-text p { margin: 0 0 12px; } .candor-text ul { margin: 0 0 12px; padding-inline-start: 20px; }</mj-style>
  </mj-head>
  <mj-body background-color="${brand.backgroundColor}" width="600px">
    <mj-section padding="20px 0 8px">
      <mj-column><mj-text font-size="18px" font-weight="700" color="${MARK.color}">${MARK.header}</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" border-radius="8px" padding="16px 8px">
      <mj-column>
        <mj-text>${MARK.body}</mj-text>
        ${withAction ? `<mj-button href="${MARK.url}" background-color="${MARK.color}" color="#ffffff" border-radius="6px" align="${align}" font-size="15px">${MARK.label}</mj-button>` : ''}
        <mj-text color="${brand.mutedColor}">${MARK.after}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="12px 0 24px">
      <mj-column><mj-text font-size="12px" color="${brand.mutedColor}">${MARK.footer}</mj-text></mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/**
 * MJML links Google Fonts for any of five font names it finds in a font-family, and the stack names Roboto (Android's
 * own font): every opened email then asked fonts.googleapis.com for it, telling Google the reader's address. With no
 * fonts to link, the stack falls back to the reader's system fonts.
 */
const COMPILE_OPTIONS = { validationLevel: 'strict', fonts: {} } as const;

/**
 * The compiled skeleton without the indentation MJML writes (a fifth of its bytes, which every email's
 * quoted-printable encoding and SMTP conversation paid for). Safe for HTML with no `<pre>` or `<textarea>`: a
 * line break before the indentation stays, and a run of white space is one space. Done once, before any text is
 * filled in. (MJML's own `minify` loads its minifier by a dynamic import, which jest cannot run.)
 */
const withoutIndentation = (html: string): string => html.replace(/\n[ \t]+/g, '\n');

/**
 * One responsive layout (MJML), compiled once per direction and with/without a button when the
 * renderer starts; each email then only fills the escaped text in, so rendering stays synchronous
 * and cheap however many emails the worker sends.
 */
export class EmailLayout {
  private constructor(
    private readonly skeletons: Map<string, string>,
    private readonly defaults: Brand,
  ) {}

  static async compile(brand: Brand): Promise<EmailLayout> {
    const skeletons = new Map<string, string>();
    for (const dir of ['ltr', 'rtl'] as const) {
      for (const withAction of [true, false]) {
        const { html, errors } = await mjml2html(source(brand, dir, withAction), COMPILE_OPTIONS);
        if (errors.length) throw new Error(`email layout: ${errors.map((e) => e.formattedMessage).join('; ')}`);
        skeletons.set(`${dir}:${String(withAction)}`, withoutIndentation(html));
      }
    }
    return new EmailLayout(skeletons, brand);
  }

  html(parts: LayoutParts): string {
    const skeleton = this.skeletons.get(`${parts.dir}:${String(parts.action !== null)}`);
    if (!skeleton) throw new Error('email layout not compiled');
    const body = [
      ...parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
      ...parts.lists
        .filter((section) => section.items.length)
        .flatMap((section) => [
          ...(section.heading ? [`<p><strong>${escapeHtml(section.heading)}</strong></p>`] : []),
          `<ul>${section.items.map((item) => `<li>${item.url ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text)}</li>`).join('')}</ul>`,
        ]),
    ].join('');
    const footer = [
      parts.footer.map((line) => escapeHtml(line)).join('<br>'),
      ...(parts.poweredBy ? [`<br><span style="font-size:11px">${escapeHtml(parts.poweredBy)}</span>`] : []),
      ...(parts.unsubscribe
        ? [`<br><a href="${escapeHtml(parts.unsubscribe.url)}" style="color:inherit">${escapeHtml(parts.unsubscribe.label)}</a>`]
        : []),
    ].join('');
    const fill: Record<string, string> = {
      [`lang="${MARK.lang}"`]: `lang="${escapeHtml(parts.lang)}"`,
      [MARK.body]: body,
      [MARK.url]: escapeHtml(parts.action?.url ?? ''),
      [MARK.label]: escapeHtml(parts.action?.label ?? ''),
      [MARK.after]: parts.after.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
      [MARK.footer]: footer,
      [MARK.header]: this.header(parts.brand),
      [MARK.color]: parts.brand && HEX.test(parts.brand.primaryColor) ? parts.brand.primaryColor : this.defaults.primaryColor,
    };
    // One pass, so text that happens to contain a marker is never filled a second time.
    const pattern = new RegExp(
      Object.keys(fill)
        .map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return skeleton.replace(pattern, (m) => fill[m] ?? m);
  }

  /** The agency's logo (its name as the alt text), else its name; Candor's name on the default look. */
  private header(brand: EmailBrand | null): string {
    if (!brand) return escapeHtml(this.defaults.productName);
    if (!brand.logoUrl) return escapeHtml(brand.name);
    return `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.name)}" height="40" style="display:block;height:40px;max-width:240px;border:0">`;
  }
}
