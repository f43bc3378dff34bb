import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** A template turns a payload into the lines of an email in one locale. */
interface TemplateSpec {
  subject: string;
  paragraphs: string[];
  action?: { label: string; urlField: string };
  afterAction?: string[];
}

/** A notification to a known user: greeting by name, the news, what we ask of them, one button. */
const notice = (name: string, paragraphs: string[]): TemplateSpec => ({
  subject: `${name}.subject`,
  paragraphs: ['greeting', ...paragraphs.map((p) => `${name}.${p}`)],
  action: { label: `${name}.action`, urlField: 'url' },
});

const TEMPLATES: Record<string, (vars: Record<string, unknown>) => TemplateSpec> = {
  invitation: (vars) => ({
    subject: 'invitation.subject',
    paragraphs: ['invitation.greeting', 'invitation.body'],
    action: { label: 'invitation.action', urlField: 'acceptUrl' },
    afterAction: vars['expiresAt'] ? ['invitation.expiry'] : [],
  }),
  week_submitted: (vars) => ({
    ...notice('week_submitted', [vars['resubmitted'] ? 'bodyResubmitted' : 'body', 'ask']),
    subject: vars['resubmitted'] ? 'week_submitted.subjectResubmitted' : 'week_submitted.subject',
  }),
  week_approved: () => notice('week_approved', ['body']),
  week_disputed: () => notice('week_disputed', ['body', 'comments', 'ask']),
  timer_auto_stopped: () => notice('timer_auto_stopped', ['body', 'ask']),
  retainer_threshold: () => notice('retainer_threshold', ['body', 'ask']),
  disclosure_review_requested: () => notice('disclosure_review_requested', ['body', 'ask']),
  disclosure_disclosed: (vars) =>
    notice('disclosure_disclosed', ['intro', 'whatHappened', 'impact', 'apology', ...(vars['remedyPlan'] ? ['remedy'] : []), 'ask']),
  disclosure_remedy_proposed: (vars) =>
    notice('disclosure_remedy_proposed', [vars['round'] && Number(vars['round']) > 1 ? 'bodyRevised' : 'body', 'remedy', 'ask']),
  disclosure_remedy_accepted: () => notice('disclosure_remedy_accepted', ['body', 'ask']),
  disclosure_remedy_changes_requested: () => notice('disclosure_remedy_changes_requested', ['body', 'comment', 'ask']),
  disclosure_resolved: (vars) => notice('disclosure_resolved', ['body', 'summary', ...(vars['preventionSummary'] ? ['prevention'] : [])]),
  disclosure_comment: () => notice('disclosure_comment', ['body', 'comment']),
  disclosure_overdue: () => notice('disclosure_overdue', ['body', 'ask']),
  offer_made: (vars) => notice('offer_made', ['body', ...(vars['note'] ? ['note'] : []), 'ask']),
  offer_accepted: () => notice('offer_accepted', ['body', 'ask']),
  offer_declined: (vars) => notice('offer_declined', ['body', ...(vars['reason'] ? ['reason'] : [])]),
  offer_expiring: () => notice('offer_expiring', ['body', 'ask']),
  follow_up_check_in: () => notice('follow_up_check_in', ['body', 'ask']),
  follow_up_retrospective: () => notice('follow_up_retrospective', ['body', 'support', 'ask']),
  deliverable_delivered: (vars) =>
    notice('deliverable_delivered', [vars['versionKind'] === 'correction' ? 'bodyCorrection' : 'body', 'summary', 'ask']),
  deliverable_changes_requested: (vars) =>
    notice('deliverable_changes_requested', ['body', 'comment', vars['billable'] ? 'billable' : 'round', 'ask']),
  deliverable_approved: () => notice('deliverable_approved', ['body']),
  deliverable_due_tomorrow: () => notice('deliverable_due_tomorrow', ['body', 'ask']),
  deliverable_late: () => notice('deliverable_late', ['body', 'ask', 'disclose']),
  email_confirm: () => notice('email_confirm', ['body', 'expiry']),
  signup_existing: () => notice('signup_existing', ['body', 'ask']),
  password_reset: () => notice('password_reset', ['body', 'expiry', 'ignore']),
  magic_link: () => notice('magic_link', ['body', 'expiry', 'ignore']),
  email_change_confirm: () => notice('email_change_confirm', ['body', 'expiry']),
  email_change_notice: () => notice('email_change_notice', ['body', 'ask']),
  password_changed: () => notice('password_changed', ['body', 'ask']),
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES);

/** The folder of locale files: adding `<locale>.json` there adds a language, no code change. */
export const LOCALES_DIR = join(__dirname, '..', 'locales');

function loadCatalogs(dir: string): Record<string, { translation: Record<string, unknown> }> {
  const resources: Record<string, { translation: Record<string, unknown> }> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    resources[file.slice(0, -5)] = { translation: JSON.parse(readFileSync(join(dir, file), 'utf8')) };
  }
  return resources;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Renders notification emails from the locale catalogs; unknown locales fall back to English. */
export class EmailRenderer {
  private constructor(private readonly i18n: i18n) {}

  static async create(localesDir: string = LOCALES_DIR): Promise<EmailRenderer> {
    const instance = i18next.createInstance();
    await instance.init({
      resources: loadCatalogs(localesDir),
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
    return new EmailRenderer(instance);
  }

  get locales(): string[] {
    return Object.keys(this.i18n.options.resources ?? {});
  }

  render(template: string, locale: string, vars: Record<string, unknown>): RenderedEmail {
    const spec = TEMPLATES[template];
    if (!spec) throw new Error(`unknown email template "${template}"`);
    const t = this.i18n.getFixedT(locale);
    const s = spec(vars);
    const roleLabel = typeof vars['role'] === 'string' ? t(`${template}.roles.${vars['role']}`, vars) : '';
    // A compensation offer reads as a phrase of its kind: "a 10% discount on your next project".
    const offerLabel = typeof vars['offerKind'] === 'string' ? t(`offers.${vars['offerKind']}`, vars) : '';
    const categoryLabel = typeof vars['category'] === 'string' ? t(`categories.${vars['category']}`) : '';
    const all = { ...vars, roleLabel, offerLabel, categoryLabel };
    const lines = s.paragraphs.map((key) => t(key, all));
    const after = (s.afterAction ?? []).map((key) => t(key, all));
    const footer = t('layout.footer', all);
    const url = s.action ? String(vars[s.action.urlField] ?? '') : '';
    const label = s.action ? t(s.action.label, all) : '';

    const text = [...lines, ...(s.action ? [`${label}: ${url}`] : []), ...after, '--', footer].join('\n\n');
    const html = [
      '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933;max-width:560px;margin:auto">',
      ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
      s.action
        ? `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;background:#2f5d50;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>`
        : '',
      ...after.map((l) => `<p style="color:#52606d">${escapeHtml(l)}</p>`),
      `<hr><p style="font-size:12px;color:#7b8794">${escapeHtml(footer)}</p></body></html>`,
    ].join('\n');
    return { subject: t(s.subject, all), text, html };
  }
}
