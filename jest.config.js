/** @type {import('jest').Config} */
const project = (name, extra = {}) => ({
  displayName: name,
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  ...extra,
});

module.exports = {
  testTimeout: 30000,
  projects: [
    project('unit'),
    project('emulator'),
    project('integration', { setupFilesAfterEnv: ['<rootDir>/test/integration/setup.ts'] }),
    project('e2e', {
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/e2e/jest.setup.ts'],
      slowTestThreshold: 60,
    }),
  ],
};
