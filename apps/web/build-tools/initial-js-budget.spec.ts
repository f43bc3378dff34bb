import { gzippedSize, initialChunks, type Bundle } from './initial-js-budget';

const chunk = (fileName: string, imports: string[] = [], isEntry = false) => ({
  type: 'chunk' as const,
  fileName,
  isEntry,
  imports,
  code: `console.log(${JSON.stringify(fileName)});`,
});

describe('initialChunks', () => {
  it('follows static imports from the entry and skips what loads on demand', () => {
    const bundle: Bundle = {
      'index.js': chunk('index.js', ['vendor.js'], true),
      'vendor.js': chunk('vendor.js', ['shared.js']),
      'shared.js': chunk('shared.js', ['vendor.js']), // a cycle must not loop
      'team-page.js': chunk('team-page.js', ['shared.js']),
      'de.js': chunk('de.js'),
      'index.css': { type: 'asset' },
    };
    expect(
      initialChunks(bundle)
        .map((item) => item.fileName)
        .sort(),
    ).toEqual(['index.js', 'shared.js', 'vendor.js']);
  });

  it('sums the gzipped sizes', () => {
    // `console.log("a.js");` is 40 bytes gzipped at level 9 (header and trailer included).
    expect(gzippedSize([chunk('a.js'), chunk('b.js')])).toBe(80);
    expect(gzippedSize([])).toBe(0);
  });
});
