// One jest setup for every project: SWC transpiles TypeScript (with decorator metadata for NestJS)
// and @candor/* imports resolve to the libs' sources, so tests never need a prior build.
const path = require('node:path');

module.exports = (projectDir, overrides = {}) => ({
  rootDir: projectDir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@candor/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  ...overrides,
});
