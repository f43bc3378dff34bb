#!/usr/bin/env node
// Fails when a hand-written source file holds more than 400 lines: a file that long does several
// things and should be split by what each part does. Generated files and migrations are left out.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 400;
const SOURCE = /\.(ts|tsx|mjs|js|css)$/;
const GENERATED = [/^apps\/web\/src\/lib\/api\/schema\.d\.ts$/, /\/migrations\//, /(^|\/)dist\//];

const files = execFileSync('git', ['ls-files', 'apps', 'libs', 'test', 'scripts', 'bench'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => SOURCE.test(file) && !GENERATED.some((pattern) => pattern.test(file)));
const tooLong = files
  .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
  .filter(({ lines }) => lines > LIMIT);
for (const { file, lines } of tooLong) console.error(`${file}: ${lines} lines (at most ${LIMIT})`);
if (tooLong.length) process.exit(1);
console.log(`file size: ${files.length} source files, none over ${LIMIT} lines`);
