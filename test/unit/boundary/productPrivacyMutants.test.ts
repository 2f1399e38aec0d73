/**
 * The product privacy properties (privacyProperty.test.ts) can fail: each rule they stand on,
 * taken out of the boundary (its module replaced for one check, in a registry of its own), lets
 * a generated attack through, and the judge names the leak. Same runs and seed as the
 * properties (PRIVACY_RUNS, PRIVACY_SEED); a search stops at the first leak.
 */
import fc from 'fast-check';

import { businessAttack, cardAttack } from '../../fixtures/productPrivacyAttacks';
import type * as Check from '../../fixtures/productPrivacyCheck';

const RUNS = Number(process.env.PRIVACY_RUNS ?? 3000);
const SEED =
	process.env.PRIVACY_SEED === 'random' ? undefined : Number(process.env.PRIVACY_SEED ?? 17);

const BOUNDARY = '../../../nodes/ClovaOcr/boundary';
const REGISTRATION_FIELDS = `${BOUNDARY}/registrationFields`;
const FIELD_RULE = `${BOUNDARY}/fieldRule`;
const CONTENT_RULE = `${BOUNDARY}/contentRule`;
const CARD_NUMBER_RULE = `${BOUNDARY}/cardNumberRule`;

type Actual = Record<string, (...args: never[]) => unknown>;

/** The checks, run against a boundary whose module `path` is replaced by `mutate(actual)`. */
async function checksWith(path: string, mutate: (actual: Actual) => Actual): Promise<typeof Check> {
	let checks: typeof Check | undefined;
	await jest.isolateModulesAsync(async () => {
		jest.doMock(path, () => mutate(jest.requireActual(path)));
		checks = await import('../../fixtures/productPrivacyCheck');
	});
	jest.dontMock(path);
	return checks!;
}

/** The message of the first attack the property finds, or null when it finds none. */
function firstLeak<T>(
	arbitrary: fc.Arbitrary<T>,
	check: (attack: T, mode: Check.Mode) => void,
	modes: Check.Mode[],
) {
	const result = fc.check(fc.property(arbitrary, fc.constantFrom(...modes), check), {
		numRuns: RUNS,
		seed: SEED,
		endOnFailure: true,
	});
	if (!result.failed) return null;
	const error = result.errorInstance;
	return error instanceof Error ? error.message : String(error);
}

const identityViews = (views: ReadonlyArray<readonly string[]>) =>
	views.map((values) => [...values]);

describe('the business registration property fails without', () => {
	test.each<[string, string, (actual: Actual) => Actual, RegExp]>([
		[
			'the field rule on representatives’ numbers (socialNumber, coRepSocialNum read as other fields)',
			REGISTRATION_FIELDS,
			(actual) => ({
				...actual,
				isRegistrationNumberField: (documentType: never, field: never) =>
					!/socialNum/i.test(field) && actual.isRegistrationNumberField(documentType, field),
			}),
			/shows a digit past the 7th|leaks \d{4} of positions 8-13/,
		],
		[
			'the field rule itself (maskRegistrationField lets everything through)',
			FIELD_RULE,
			(actual) => ({ ...actual, maskRegistrationField: identityViews }),
			/shows a digit past the 7th|leaks \d{4} of positions 8-13/,
		],
		[
			'the content rule (an echo in another field, a key text or a key passes)',
			CONTENT_RULE,
			(actual) => ({
				...actual,
				maskRegistrationRuns: (texts: readonly string[]) => [...texts],
				maskRegistrationContent: (text: string) => text,
			}),
			/leaks \d{4} of positions 8-13|shows a digit past the 7th/,
		],
		[
			'the company number exception (corpRegisterNum masked like any field)',
			REGISTRATION_FIELDS,
			(actual) => ({ ...actual, isCompanyNumberField: () => false }),
			/corpRegisterNum.* is not whole/,
		],
		[
			'the company number exception held to its field (every field of a certificate exempt)',
			REGISTRATION_FIELDS,
			(actual) => ({
				...actual,
				isCompanyNumberField: (documentType: unknown) => documentType === 'businessRegistration',
			}),
			/shows a digit past the 7th|leaks \d{4} of positions 8-13/,
		],
	])('%s', async (_rule, path, mutate, expected) => {
		const checks = await checksWith(path, mutate);
		expect(firstLeak(businessAttack, checks.checkBusinessAttack, checks.MODES)).toMatch(expected);
	});
});

describe('the card number property fails without', () => {
	const LEAK = 'shows digit \\d+ of \\d+|leaks \\d{5} of the card number';
	test.each<[string, (actual: Actual) => Actual, RegExp]>([
		[
			'the card-number rule on any field (read as other fields)',
			(actual) => ({ ...actual, isCardNumberField: () => false }),
			new RegExp(LEAK),
		],
		[
			'the receipt’s card-number field',
			(actual) => ({
				...actual,
				isCardNumberField: (documentType: never, field: never) =>
					documentType !== 'receipt' && actual.isCardNumberField(documentType, field),
			}),
			new RegExp(`paymentInfo\\.cardInfo\\.number.* (?:${LEAK})`),
		],
		[
			'the credit card’s number field',
			(actual) => ({
				...actual,
				isCardNumberField: (documentType: never, field: never) =>
					documentType !== 'creditCard' && actual.isCardNumberField(documentType, field),
			}),
			new RegExp(`^(?:column )?number.* (?:${LEAK})`),
		],
		[
			'the card-number rule itself (maskCardNumberField lets everything through)',
			(actual) => ({ ...actual, maskCardNumberField: identityViews }),
			new RegExp(LEAK),
		],
	])('%s', async (_rule, mutate, expected) => {
		const checks = await checksWith(CARD_NUMBER_RULE, mutate);
		expect(firstLeak(cardAttack, checks.checkCardAttack, checks.MODES)).toMatch(expected);
	});

	test('document columns: the rule taken out shows in the column too', async () => {
		const checks = await checksWith(CARD_NUMBER_RULE, (actual) => ({
			...actual,
			maskCardNumberField: identityViews,
		}));
		const document = checks.MODES.filter((mode) => mode.output === 'document');
		expect(firstLeak(cardAttack, checks.checkCardAttack, document)).toMatch(
			/column .* shows digit \d+ of \d+/,
		);
	});
});

describe('the real boundary', () => {
	test('passes the same searches (a sample: the properties run in full)', async () => {
		const checks = await import('../../fixtures/productPrivacyCheck');
		const sample = <T>(arbitrary: fc.Arbitrary<T>) =>
			fc.sample(arbitrary, { numRuns: 50, seed: 5 });
		for (const attack of sample(businessAttack))
			for (const mode of checks.MODES) checks.checkBusinessAttack(attack, mode);
		for (const attack of sample(cardAttack))
			for (const mode of checks.MODES) checks.checkCardAttack(attack, mode);
	});
});
