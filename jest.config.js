/** @type {import('jest').Config} */
const project = (name, roots, extra = {}) => ({
	displayName: name,
	preset: 'ts-jest',
	testEnvironment: 'node',
	testMatch: roots.map((root) => `<rootDir>/${root}/**/*.test.ts`),
	...extra,
});

module.exports = {
	testTimeout: 30000,
	projects: [
		project('unit', ['test/unit']),
		// Dev tooling's own tests: the CLOVA emulator, the release helpers, the import checker.
		project('tools', ['tools']),
		project('integration', ['test/integration'], {
			setupFilesAfterEnv: ['<rootDir>/test/integration/setup.ts'],
		}),
		project('e2e', ['test/e2e'], {
			globalSetup: '<rootDir>/test/e2e/global-setup.ts',
			globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
			setupFilesAfterEnv: ['<rootDir>/test/e2e/jest.setup.ts'],
			slowTestThreshold: 60,
		}),
	],
};
