import {
	checkPoliceAuthority,
	checkResidentCardAuthority,
} from '../../../nodes/ClovaOcr/validation/authority';
import type { CheckResult } from '../../../nodes/ClovaOcr/validation/checkResult';

const OK: CheckResult = { valid: true, warnings: [] };
const UNKNOWN: CheckResult = { valid: null, warnings: [] };
const OLD_NAME: CheckResult = {
	valid: true,
	warnings: [],
	notes: ['pre-2021 agency name on a card issued on or after 2021-01-01'],
};
const NEW_NAME_TOO_EARLY: CheckResult = {
	valid: true,
	warnings: ['agency name in use only since 2021-01-01 on a card issued before then'],
};

describe('checkPoliceAuthority', () => {
	test.each<[string, string, string | null, CheckResult]>([
		['documented formatted value', '서울지방경찰청장', '2019-09-10', OK],
		['documented text', '서울지방경찰청', '2019-09-10', OK],
		['new name since 2021', '서울경찰청장', '2022-03-01', OK],
		['new name on the renaming day', '부산경찰청', '2021-01-01', OK],
		['Gyeonggi south, new name', '경기남부경찰청장', '2023-01-05', OK],
		['Gyeonggi north, old name', '경기북부지방경찰청장', '2018-05-05', OK],
		['formal province name', '제주특별자치도경찰청장', '2022-01-01', OK],
		['spaces tolerated', '서울 지방경찰청 장', '2019-09-10', OK],
		['issue date unknown: no era check', '서울지방경찰청장', null, OK],
		['old name on the renaming day', '서울지방경찰청장', '2021-01-01', OLD_NAME],
		['old name after the renaming', '대구지방경찰청', '2023-07-01', OLD_NAME],
		['new name before the renaming', '서울경찰청', '2020-12-31', NEW_NAME_TOO_EARLY],
		[
			'a district head is no police agency',
			'서울특별시 종로구청장',
			'2019-09-10',
			{ valid: false, warnings: ['not a recognized police agency'] },
		],
		[
			'unknown region',
			'한양지방경찰청장',
			'2019-09-10',
			{ valid: false, warnings: ['unknown region in the police agency name'] },
		],
		[
			'national agency does not issue licenses',
			'경찰청장',
			'2019-09-10',
			{ valid: false, warnings: ['not a recognized police agency'] },
		],
		['masked', '***지방경찰청장', '2019-09-10', UNKNOWN],
		['empty', ' ', '2019-09-10', UNKNOWN],
	])('%s', (_name, text, issueDate, expected) => {
		expect(checkPoliceAuthority(text, issueDate)).toEqual(expected);
	});
});

describe('checkResidentCardAuthority', () => {
	test.each<[string, string, CheckResult]>([
		['district head', '서울특별시 종로구청장', OK],
		['district head of a city', '경기도 수원시 장안구청장', OK],
		['city mayor', '경기도 수원시장', OK],
		['special self-governing city', '세종특별자치시장', OK],
		['county head', '강원특별자치도 양양군수', OK],
		['extra spaces', ' 서울특별시   종로구청장 ', OK],
		['English', 'Head of Jongno-gu, Seoul', OK],
		[
			'police agency',
			'서울지방경찰청장',
			{ valid: false, warnings: ['not a recognized city, county or district head'] },
		],
		[
			'no office title',
			'서울특별시 종로구',
			{ valid: false, warnings: ['not a recognized city, county or district head'] },
		],
		['documented example', '서울특별시 **구청장', UNKNOWN],
		['documented English example', 'Head of ** gu, Seoul', UNKNOWN],
		['empty', '', UNKNOWN],
	])('%s', (_name, text, expected) => {
		expect(checkResidentCardAuthority(text)).toEqual(expected);
	});
});
