// `npm run test:faults`: the delivery pipeline under real faults (processes killed, Redis restarted
// empty, SMTP refusing, database connections terminated), against the built worker as a child process.
module.exports = require('../jest.preset.js')(__dirname, {
  testMatch: ['<rootDir>/faults/**/*.fault-spec.ts'],
  globalSetup: '<rootDir>/setup/global-setup.ts',
  globalTeardown: '<rootDir>/setup/global-teardown.ts',
  testTimeout: 180_000,
});
