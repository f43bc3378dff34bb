module.exports = require('../../jest.preset.js')(__dirname, {
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/build-tools/**/*.spec.ts'],
});
