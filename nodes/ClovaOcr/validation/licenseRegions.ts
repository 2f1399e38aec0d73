/** First-issue region codes of driver's license numbers. There is no 27. */
export const LICENSE_REGION_BY_CODE: Readonly<Record<string, string>> = {
	'11': '서울',
	'12': '부산',
	'13': '경기',
	'14': '강원',
	'15': '충북',
	'16': '충남',
	'17': '전북',
	'18': '전남',
	'19': '경북',
	'20': '경남',
	'21': '제주',
	'22': '대구',
	'23': '인천',
	'24': '광주',
	'25': '대전',
	'26': '울산',
	'28': '경기북부',
};

/*
 * Region names printed on old-format numbers (replaced by codes in mid-2014).
 * 경기남부/경기북부 are left out: Gyeonggi's police split only in 2016, after
 * the old format ended, so no old-format card can print them.
 */
export const LICENSE_REGION_CODE_BY_NAME: Readonly<Record<string, string>> = {
	서울: '11',
	부산: '12',
	경기: '13',
	강원: '14',
	충북: '15',
	충남: '16',
	전북: '17',
	전남: '18',
	경북: '19',
	경남: '20',
	제주: '21',
	대구: '22',
	인천: '23',
	광주: '24',
	대전: '25',
	울산: '26',
};
