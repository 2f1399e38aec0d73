import type { CheckResult } from './checkResult';
import { readableFieldText } from './fieldTextLimit';

/** The regional police agencies dropped "지방" from their names on this day. */
export const POLICE_RENAMING_DATE = '2021-01-01';

// Short names as printed on licenses, plus the formal province/city names OCR may return.
const POLICE_REGIONS = new Set([
	'서울',
	'부산',
	'대구',
	'인천',
	'광주',
	'대전',
	'울산',
	'세종',
	'경기',
	'경기남부',
	'경기북부',
	'강원',
	'충북',
	'충남',
	'전북',
	'전남',
	'경북',
	'경남',
	'제주',
	'서울특별시',
	'부산광역시',
	'대구광역시',
	'인천광역시',
	'광주광역시',
	'대전광역시',
	'울산광역시',
	'세종특별자치시',
	'경기도',
	'경기도남부',
	'경기도북부',
	'강원도',
	'강원특별자치도',
	'충청북도',
	'충청남도',
	'전라북도',
	'전북특별자치도',
	'전라남도',
	'경상북도',
	'경상남도',
	'제주도',
	'제주특별자치도',
]);

const POLICE_AGENCY = /^([가-힣]+?)(지방)?경찰청(장)?$/;

// `서울특별시 종로구청장`, `경기도 수원시장`, `세종특별자치시장`, `강원특별자치도 양양군수`
const LOCAL_GOVERNMENT_HEAD = /^[가-힣]+(?: [가-힣]+)*(?:구청장|시장|군수)$/;
// English pages print e.g. `Head of Jongno-gu, Seoul`.
const LOCAL_GOVERNMENT_HEAD_ENGLISH = /^(?:Head|Mayor|Governor) of [A-Za-z][A-Za-z .,'-]*$/;

/**
 * A driver's license issuer: `○○지방경찰청(장)` before 2021-01-01, `○○경찰청(장)` since.
 * A name from the wrong era for the issue date is a note or a warning, not a failure.
 */
export function checkPoliceAuthority(text: string, issueDate: string | null): CheckResult {
	const compact = readableFieldText(text).replace(/\s+/g, '');
	if (compact === '' || compact.includes('*')) return { valid: null, warnings: [] };
	const match = POLICE_AGENCY.exec(compact);
	if (!match) return { valid: false, warnings: ['not a recognized police agency'] };
	if (!POLICE_REGIONS.has(match[1]))
		return { valid: false, warnings: ['unknown region in the police agency name'] };

	const oldName = match[2] !== undefined;
	// An old name on a newer card is advisory (a note); a name that did not exist yet is not.
	if (issueDate !== null && oldName && issueDate >= POLICE_RENAMING_DATE) {
		return {
			valid: true,
			warnings: [],
			notes: [`pre-2021 agency name on a card issued on or after ${POLICE_RENAMING_DATE}`],
		};
	}
	if (issueDate !== null && !oldName && issueDate < POLICE_RENAMING_DATE) {
		return {
			valid: true,
			warnings: [
				`agency name in use only since ${POLICE_RENAMING_DATE} on a card issued before then`,
			],
		};
	}
	return { valid: true, warnings: [] };
}

/** A resident card issuer: the head of a city, county or district. */
export function checkResidentCardAuthority(text: string): CheckResult {
	const normalized = readableFieldText(text).replace(/\s+/g, ' ').trim();
	if (normalized === '' || normalized.includes('*')) return { valid: null, warnings: [] };
	if (LOCAL_GOVERNMENT_HEAD.test(normalized) || LOCAL_GOVERNMENT_HEAD_ENGLISH.test(normalized)) {
		return { valid: true, warnings: [] };
	}
	return { valid: false, warnings: ['not a recognized city, county or district head'] };
}
