// Console output for scripts/start.mjs. Dependency-free on purpose: it must work
// before `npm install` has ever run.

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (tty ? `\x1b[${code}m${text}\x1b[0m` : String(text));

export const color = {
  bold: paint('1'),
  dim: paint('2'),
  red: paint('31'),
  green: paint('32'),
  yellow: paint('33'),
  blue: paint('34'),
  magenta: paint('35'),
  cyan: paint('36'),
};

export function step(n, total, title) {
  console.log(`\n${color.bold(color.cyan(`▶ [${n}/${total}] ${title}`))}`);
}

export const info = (msg) => console.log(`  ${msg}`);
export const ok = (msg) => console.log(`  ${color.green('✔')} ${msg}`);
export const warn = (msg) => console.warn(`  ${color.yellow('!')} ${msg}`);

/**
 * An error whose message is meant for the person running `npm start`: the
 * entry point prints only the message (no stack) because it already says what to do.
 */
export class StartError extends Error {
  constructor(message, { cause } = {}) {
    super(message, { cause });
    this.name = 'StartError';
  }
}

/** Draws a box around lines; widths ignore ANSI colour codes so the frame lines up. */
export function box(lines) {
  const visible = (s) => s.replace(/\x1b\[[0-9;]*m/g, '').length;
  const width = Math.max(...lines.map(visible));
  const out = [`╭${'─'.repeat(width + 2)}╮`];
  for (const line of lines) out.push(`│ ${line}${' '.repeat(width - visible(line))} │`);
  out.push(`╰${'─'.repeat(width + 2)}╯`);
  console.log(`\n${out.join('\n')}\n`);
}
