/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Each run gets its own temporary folder, data folder and Redis key prefix, removed at the end; tests that
  // run the CLI run dist/, so the setup first rebuilds it when src/ has changed since it was built.
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup/in-run-dir.ts'],
  // ts-jest type-checks in `npm run typecheck`; here it only transpiles, which keeps the suite fast.
  transform: { '^.+\\.ts$': 'ts-jest' },
};
