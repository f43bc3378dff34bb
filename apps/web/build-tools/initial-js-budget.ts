import { gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

/** The smallest shape of a bundle this needs, so the arithmetic can be tested without a build. */
export type BundleChunk = Pick<Rollup.OutputChunk, 'type' | 'fileName' | 'isEntry' | 'imports' | 'code'>;
export type Bundle = Record<string, BundleChunk | { type: 'asset' }>;

/**
 * The JavaScript a first visit must download before anything renders: the entry chunks and,
 * transitively, what they import statically. Dynamic imports (pages loaded on demand, locale
 * catalogs) are not part of it.
 */
export function initialChunks(bundle: Bundle): BundleChunk[] {
  const chunks = new Map<string, BundleChunk>();
  for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
  const seen = new Set<string>();
  const pending = [...chunks.values()].filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName);
  while (pending.length > 0) {
    const fileName = pending.pop();
    if (fileName === undefined || seen.has(fileName)) continue;
    seen.add(fileName);
    pending.push(...(chunks.get(fileName)?.imports ?? []));
  }
  return [...seen].flatMap((fileName) => chunks.get(fileName) ?? []);
}

export function gzippedSize(chunks: readonly BundleChunk[]): number {
  return chunks.reduce((total, chunk) => total + gzipSync(chunk.code, { level: 9 }).length, 0);
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Prints the initial JavaScript size (gzipped) of a production build and fails it above `limitBytes`. */
export function initialJsBudget(limitBytes: number): Plugin {
  return {
    name: 'candor:initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const initial = initialChunks(bundle);
      const size = gzippedSize(initial);
      const summary = `initial JavaScript: ${kB(size)} gzipped in ${initial.length} file(s), budget ${kB(limitBytes)}`;
      if (size > limitBytes) this.error(`${summary}: over budget. Load more of the app on demand.`);
      // Printed, not logged at info level: the number belongs in every build's output.
      console.log(`\n${summary}`);
    },
  };
}
