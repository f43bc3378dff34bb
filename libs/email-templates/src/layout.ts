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
  footer: string;
  unsubscribe: { label: string; url: string } | null;
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
};

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
      <mj-column><mj-text font-size="18px" font-weight="700" color="${brand.primaryColor}">${escapeHtml(brand.productName)}</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" border-radius="8px" padding="16px 8px">
      <mj-column>
        <mj-text>${MARK.body}</mj-text>
        ${withAction ? `<mj-button href="${MARK.url}" background-color="${brand.primaryColor}" color="#ffffff" border-radius="6px" align="${align}" font-size="15px">${MARK.label}</mj-button>` : ''}
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
 * One responsive layout (MJML), compiled once per direction and with/without a button when the
 * renderer starts; each email then only fills the escaped text in, so rendering stays synchronous
 * and cheap however many emails the worker sends.
 */
export class EmailLayout {
  private constructor(private readonly skeletons: Map<string, string>) {}

  static async compile(brand: Brand): Promise<EmailLayout> {
    const skeletons = new Map<string, string>();
    for (const dir of ['ltr', 'rtl'] as const) {
      for (const withAction of [true, false]) {
        const { html, errors } = await mjml2html(source(brand, dir, withAction), { validationLevel: 'strict' });
        if (errors.length) throw new Error(`email layout: ${errors.map((e) => e.formattedMessage).join('; ')}`);
        skeletons.set(`${dir}:${String(withAction)}`, html);
      }
    }
    return new EmailLayout(skeletons);
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
      escapeHtml(parts.footer),
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
}
