import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The application's SQL: every template string of the API's, the worker's and the libraries' sources (migrations apart). */
function sqlStrings(): { file: string; sql: string }[] {
  const files = ['apps/api/src', 'apps/worker/src', 'libs/db/src', 'libs/testing/src'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.includes('migrations'))
      .map((f) => join(dir, f)),
  );
  return files.flatMap((file) =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(/`([^`]*)`|'([^'\n]*)'/g)].map((m) => ({ file, sql: m[1] ?? m[2] })),
  );
}

/** The text of each `COALESCE(...)` (to its closing parenthesis) and each `CASE ... END` in `sql`. */
function lazyExpressions(sql: string): string[] {
  const found: string[] = [];
  for (const m of sql.matchAll(/\bcoalesce\s*\(/gi)) {
    let depth = 0;
    for (let i = m.index + m[0].length - 1; i < sql.length; i += 1) {
      depth += sql[i] === '(' ? 1 : sql[i] === ')' ? -1 : 0;
      if (depth === 0) {
        found.push(sql.slice(m.index, i + 1));
        break;
      }
    }
  }
  for (const m of sql.matchAll(/\bCASE\b[\s\S]*?\bEND\b/gi)) found.push(m[0]);
  return found;
}

/** Statement shapes a Citus cluster refuses (docker/scale-out.md, "Tried on a real cluster"), checked in the source. */
describe('Citus readiness of the statements the application writes', () => {
  const strings = sqlStrings();

  it('inserts no rows with INSERT ... SELECT unnest(...): Citus runs it as COPY on the workers, which row-level security refuses', () => {
    expect(strings.filter(({ sql }) => /\bINSERT\s+INTO\b[\s\S]*\bSELECT\b[\s\S]*\bunnest\s*\(/i.test(sql)).map((s) => s.file)).toEqual([]);
  });

  it('puts no now() inside COALESCE or CASE in an UPDATE (read it in FROM (SELECT now() AS t) instead)', () => {
    const updates = strings.filter(({ sql }) => /\bUPDATE\b|^\s*coalesce\(/i.test(sql));
    const refused = updates.filter(({ sql }) => lazyExpressions(sql).some((e) => /\bnow\(\)/i.test(e)));
    expect(refused.map((s) => `${s.file}: ${s.sql.slice(0, 80)}`)).toEqual([]);
  });
});
