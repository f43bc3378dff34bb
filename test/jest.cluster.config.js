// `npm run test:cluster`: the product scaled out (haproxy, API replicas, workers, PgBouncer) with replicas and a
// worker killed under load, against the built apps as child processes.
module.exports = require('../jest.preset.js')(__dirname, {
  testMatch: ['<rootDir>/cluster/**/*.cluster-spec.ts'],
  globalSetup: '<rootDir>/setup/global-setup.ts',
  globalTeardown: '<rootDir>/setup/global-teardown.ts',
  testTimeout: 300_000,
});
