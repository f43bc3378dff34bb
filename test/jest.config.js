module.exports = require('../jest.preset.js')(__dirname, {
  // Browser specs drive the built web app (apps/web/dist) against the same real services as the e2e suite.
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts', '<rootDir>/browser/**/*.browser-spec.ts'],
  globalSetup: '<rootDir>/setup/global-setup.ts',
  globalTeardown: '<rootDir>/setup/global-teardown.ts',
  // Set-ups invite several people (argon2 hashes each password), which takes long on two busy cores.
  testTimeout: 120_000,
});
