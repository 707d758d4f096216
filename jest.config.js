/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // ts-jest type-checks in `npm run typecheck`; here it only transpiles, which keeps the suite fast.
  transform: { '^.+\\.ts$': 'ts-jest' },
  // Tests that run the CLI run dist/: rebuild it first when src/ has changed since it was built.
  globalSetup: '<rootDir>/test/helpers/build-if-stale.ts',
  setupFilesAfterEnv: ['<rootDir>/test/helpers/temporary-cwd.ts'],
};
