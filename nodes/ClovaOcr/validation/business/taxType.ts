import type { CheckResult } from '../checkResult';
import { readableFieldText } from '../fieldTextLimit';
import { middleCodeOf } from './businessNumber';

/*
 * The middle code (digits 4-5) of a business registration number, as the National Tax
 * Service assigns it (국세청 사업자등록번호 부여 기준, quoted e.g. by daouoffice's manual
 * "회사정보 개인/법인 구분 안내" and by accountants' Q&A at ai.bznav.com/contents/334298):
 *   01-79 individual, taxable (개인 과세사업자: 일반·간이과세자)
 *   80    individual: bodies treated as individuals under the Income Tax Act art. 2(3)
 *         other than religious groups (e.g. apartment management offices), and multi-level
 *         sales agents
 *   81, 86, 87, 88 for-profit corporation, head office
 *   82    non-profit corporation, head office and branches (incl. groups deemed corporations)
 *   83    state, local government, local government association
 *   84    foreign corporation: head office, branch, liaison office
 *   85    for-profit corporation, branch
 *   89    religious group that is not a corporation (Income Tax Act art. 2(3))
 *   90-99 individual, tax-exempt (개인 면세사업자)
 * The code is given at registration and kept when the business changes its tax type, so
 * every mismatch found here is a note, never a failure.
 */

export type MiddleCodeKind =
	| 'individualTaxable'
	| 'individualOther'
	| 'forProfitHeadOffice'
	| 'nonProfitCorporation'
	| 'government'
	| 'foreignCorporation'
	| 'forProfitBranch'
	| 'religiousGroup'
	| 'individualTaxExempt';

const KIND_BY_CODE: Readonly<Record<number, MiddleCodeKind>> = {
	80: 'individualOther',
	81: 'forProfitHeadOffice',
	82: 'nonProfitCorporation',
	83: 'government',
	84: 'foreignCorporation',
	85: 'forProfitBranch',
	86: 'forProfitHeadOffice',
	87: 'forProfitHeadOffice',
	88: 'forProfitHeadOffice',
	89: 'religiousGroup',
};

const INDIVIDUAL_KINDS: ReadonlySet<MiddleCodeKind> = new Set([
	'individualTaxable',
	'individualOther',
	'religiousGroup',
	'individualTaxExempt',
]);

const CORPORATION_KINDS: ReadonlySet<MiddleCodeKind> = new Set([
	'forProfitHeadOffice',
	'nonProfitCorporation',
	'foreignCorporation',
	'forProfitBranch',
]);

/** The kind of business a two-digit middle code stands for; null for 00 or anything else. */
export function middleCodeKindOf(middleCode: string): MiddleCodeKind | null {
	if (!/^\d{2}$/.test(middleCode)) return null;
	const code = Number(middleCode);
	if (code >= 1 && code <= 79) return 'individualTaxable';
	if (code >= 90) return 'individualTaxExempt';
	return KIND_BY_CODE[code] ?? null;
}

/**
 * What a certificate's tax type says: 일반과세자 (general), 간이과세자 (simplified), 면세사업자
 * (tax-exempt) for individuals, 법인사업자 for a corporation.
 */
export type TaxTypeKind = 'general' | 'simplified' | 'taxExempt' | 'corporation';

/** The tax type of the text (spaces and brackets ignored); null when it names none. */
export function readTaxType(text: string): TaxTypeKind | null {
	const compact = readableFieldText(text).replace(/\s+/g, '');
	if (compact.includes('법인')) return 'corporation';
	if (compact.includes('면세')) return 'taxExempt';
	if (compact.includes('간이')) return 'simplified';
	if (compact.includes('일반')) return 'general';
	return null;
}

export interface TaxTypeInput {
	taxType: string | null;
	registerNumber: string | null;
	corpRegisterNum: string | null;
}

function taxTypeNotes(taxType: TaxTypeKind, kind: MiddleCodeKind): string[] {
	const isTaxableIndividual = taxType === 'general' || taxType === 'simplified';
	if (taxType === 'taxExempt' && kind === 'individualTaxable') {
		return [
			"taxType: tax-exempt, but the business registration number's middle code is for taxable individuals",
		];
	}
	if (isTaxableIndividual && kind === 'individualTaxExempt') {
		return [
			"taxType: taxable individual, but the business registration number's middle code is for tax-exempt individuals",
		];
	}
	if (isTaxableIndividual && (CORPORATION_KINDS.has(kind) || kind === 'government')) {
		return [
			"taxType: taxable individual, but the business registration number's middle code is not for an individual",
		];
	}
	if (taxType === 'corporation' && INDIVIDUAL_KINDS.has(kind)) {
		return [
			"taxType: corporation, but the business registration number's middle code is for an individual",
		];
	}
	return [];
}

/**
 * The tax type and the corporate registration number against the business registration
 * number's middle code. Advisory: mismatches are notes (prefixed with the field they concern,
 * never echoing a value); valid is false when there is one, true when a comparison could be
 * made and agreed, null when none could (no readable number, no tax type, no corporate number).
 */
export function checkTaxTypeAgainstNumber(input: TaxTypeInput): CheckResult {
	const middleCode = input.registerNumber === null ? null : middleCodeOf(input.registerNumber);
	const kind = middleCode === null ? null : middleCodeKindOf(middleCode);
	if (kind === null) return { valid: null, warnings: [] };

	const notes: string[] = [];
	let compared = false;
	const taxType = input.taxType === null ? null : readTaxType(input.taxType);
	if (taxType !== null) {
		compared = true;
		notes.push(...taxTypeNotes(taxType, kind));
	}
	// Present = read at all, even garbled or masked: individuals' certificates print none.
	if (input.corpRegisterNum !== null && input.corpRegisterNum.trim() !== '') {
		compared = true;
		if (INDIVIDUAL_KINDS.has(kind)) {
			notes.push(
				"corpRegisterNum: present, but the business registration number's middle code is for an individual",
			);
		}
	}
	if (notes.length > 0) return { valid: false, warnings: [], notes };
	return { valid: compared ? true : null, warnings: [] };
}
