import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { documentFixtureFile, documentTemplate, personalizeDocument } from '../fixture-documents';
import { DOCUMENT_SCENARIOS, FAULT_SCENARIOS, SCENARIO_NAMES } from '../scenarios';
import { FIXTURES } from './test-support';

describe('fixtures', () => {
	it('leaves the five documented examples untouched', () => {
		const sha256 = (file: string) =>
			createHash('sha256')
				.update(readFileSync(join(FIXTURES, file)))
				.digest('hex');
		expect(
			[
				'ic-success.ko.json',
				'ic-success.en.json',
				'ic-failure.ko.json',
				'dl-success.ko.json',
				'dl-failure.ko.json',
			].map(sha256),
		).toEqual([
			'c96e117b2e2f27ddc278d14e527f73491823033a713e6a71d07f9978d77f3d77',
			'3088f8968af5256962def7a5aabfb1c30acb96e5247a3fdf02f4022cfaef0c12',
			'8ed9d75ef2f31b50e779bbac6f029516abbb27a2b3677a9308cb33fb00d2c1b7',
			'8198f5c92d88dfead6f0099cf222f10f3a25382c5553a8695716303d3af2a202',
			'8ed9d75ef2f31b50e779bbac6f029516abbb27a2b3677a9308cb33fb00d2c1b7',
		]);
	});

	it('lists every fixture file in README.md, the synthetic ones marked synthetic', () => {
		const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
		for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.json'))) {
			const row = readme.split('\n').find((line) => line.startsWith(`| \`${file}\``));
			expect(row).toBeDefined();
			if (file.includes('.synthetic.')) expect(row).toContain('**synthetic**');
		}
	});

	it('synthetic fixtures are valid JSON with masked, obviously fake values', () => {
		for (const file of ['pp-success.synthetic.json', 'ac-success.synthetic.json']) {
			const text = readFileSync(join(FIXTURES, file), 'utf8');
			expect(() => JSON.parse(text)).not.toThrow();
			expect(text).toContain('"uid": "{uid}"');
			expect(text).toContain('"confidenceScore": 0.0');
		}
		expect(readFileSync(join(FIXTURES, 'pp-success.synthetic.json'), 'utf8')).toContain(
			'"text": "M000*****"',
		);
		expect(readFileSync(join(FIXTURES, 'ac-success.synthetic.json'), 'utf8')).toContain(
			'"text": "000101-5******"',
		);
	});
});

// Scenarios that edit an example to send a documented key another way (scenarios.test.ts).
const DOCUMENTED_KEY_VARIANTS: ReadonlySet<string> = new Set([
	'ic-valid',
	'ic-invalid',
	'ic-unchecked',
	'ic-validation-error',
	'ic-language-en',
	'ic-key-text',
	'ic-rois-points',
	'ic-minimal',
]);

describe('scenario catalog', () => {
	it('has the documented scenario names', () => {
		expect([...SCENARIO_NAMES].sort()).toEqual(
			[
				'ic-success',
				'ic-success-en',
				'dl-success',
				'pp-success',
				'ac-success',
				'infer-error',
				'infer-failure',
				'ic-failure',
				'dl-failure',
				'server-error',
				'ocr-error',
				'rate-limit',
				'quota',
				'drop',
				'truncated',
				'non-json',
				'slow',
				'ic-specimen',
				'dl-specimen',
				'ic-valid',
				'ic-invalid',
				'ic-unchecked',
				'ic-validation-error',
				'ic-language-en',
				'ic-key-text',
				'ic-rois-points',
				'ic-minimal',
			].sort(),
		);
		expect(FAULT_SCENARIOS).toHaveLength(8);
	});

	it('every document scenario loads a fixture that personalizes in exactly four places', () => {
		for (const scenario of DOCUMENT_SCENARIOS.filter(
			(name) => !DOCUMENTED_KEY_VARIANTS.has(name),
		)) {
			const template = documentTemplate(scenario);
			const fixture = readFileSync(join(FIXTURES, documentFixtureFile(scenario)), 'utf8');
			if (scenario === 'infer-failure')
				expect(template).toBe(fixture.replace('"ERROR"', '"FAILURE"'));
			else if (scenario.endsWith('-specimen'))
				expect(template.split('\n')).toHaveLength(fixture.split('\n').length);
			else expect(template).toBe(fixture);
			const personalized = personalizeDocument(template, {
				requestId: 'R',
				timestamp: 7,
				imageName: 'N',
				uid: 'U',
			});
			const changedLines = template
				.split('\n')
				.filter((line, index) => personalized.split('\n')[index] !== line);
			expect(changedLines).toHaveLength(4);
			expect(personalized.split('\n')).toHaveLength(template.split('\n').length);
		}
	});

	it.each([
		[
			'ic-specimen',
			['홍길동', '800101-1234560', '서울특별시 종로구 세종대로 209', '서울특별시 종로구청장'],
		],
		[
			'dl-specimen',
			['11-00-123456-10', '홍길동', '800101-1234560', '서울시 종로구 세종대로 209', 'H1A2B3'],
		],
	] as const)('%s unmasks every masked value in text and formatted value', (scenario, values) => {
		const template = documentTemplate(scenario);
		for (const value of values) {
			expect(template).toContain(`"text": "${value}"`);
			if (value !== '서울특별시 종로구청장') expect(template).toContain(`"value": "${value}"`);
		}
		expect(template).not.toMatch(/"(text|value)": "[^"]*\*/);
	});
});
