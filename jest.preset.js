// One jest setup for every project: SWC transpiles TypeScript (with decorator metadata for NestJS)
// and @candor/* imports resolve to the libs' sources, so tests never need a prior build.
const path = require('node:path');

module.exports = (projectDir, overrides = {}) => ({
  rootDir: projectDir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // content-disposition (under @fastify/static, used by the OpenAPI UI) ships ESM only; Node loads it
  // through require(esm), jest does not, so SWC turns that one package into CommonJS. The same for
  // otplib's audited crypto and base32 packages (@scure/base, @noble/hashes).
  transformIgnorePatterns: ['/node_modules/(?!((@fastify/static/node_modules/)?content-disposition|@scure/base|@noble/hashes)/)'],
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@candor/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  ...overrides,
});
