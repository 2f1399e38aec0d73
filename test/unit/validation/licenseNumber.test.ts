import {
	readLicenseNumber,
	type LicenseNumberReading,
} from '../../../nodes/ClovaOcr/validation/licenseNumber';

// Synthetic numbers; the check digit is not verified (its algorithm is not public).
const EMPTY: LicenseNumberReading = {
	valid: null,
	warnings: [],
	format: null,
	masked: false,
	regionCode: null,
	regionName: null,
	firstLicensedYear: null,
};

function numeric(overrides: Partial<LicenseNumberReading>): LicenseNumberReading {
	return { ...EMPTY, format: 'numeric', ...overrides };
}

function regionName(overrides: Partial<LicenseNumberReading>): LicenseNumberReading {
	return { ...EMPTY, format: 'regionName', ...overrides };
}

describe('readLicenseNumber', () => {
	test.each<[string, string, LicenseNumberReading]>([
		[
			'numeric, hyphenated',
			'11-19-123456-61',
			numeric({ valid: true, regionCode: '11', regionName: '서울', firstLicensedYear: '19' }),
		],
		[
			'numeric, no hyphens',
			'111912345661',
			numeric({ valid: true, regionCode: '11', regionName: '서울', firstLicensedYear: '19' }),
		],
		[
			'numeric, spaces',
			' 26 05 123456 70 ',
			numeric({ valid: true, regionCode: '26', regionName: '울산', firstLicensedYear: '05' }),
		],
		[
			'region 13 (Gyeonggi south)',
			'13-99-123456-12',
			numeric({ valid: true, regionCode: '13', regionName: '경기', firstLicensedYear: '99' }),
		],
		[
			'region 28 (Gyeonggi north)',
			'28-17-123456-10',
			numeric({ valid: true, regionCode: '28', regionName: '경기북부', firstLicensedYear: '17' }),
		],
		[
			'region 27 does not exist',
			'27-19-123456-61',
			numeric({ valid: false, warnings: ['unknown region code'], firstLicensedYear: '19' }),
		],
		[
			'region 10 does not exist',
			'10-19-123456-61',
			numeric({ valid: false, warnings: ['unknown region code'], firstLicensedYear: '19' }),
		],
		[
			'region 29 does not exist',
			'29-19-123456-61',
			numeric({ valid: false, warnings: ['unknown region code'], firstLicensedYear: '19' }),
		],
		[
			'old format, region name',
			'서울 19-123456-61',
			regionName({ valid: true, regionCode: '11', regionName: '서울', firstLicensedYear: '19' }),
		],
		[
			'old format, glued',
			'부산19-123456-61',
			regionName({ valid: true, regionCode: '12', regionName: '부산', firstLicensedYear: '19' }),
		],
		[
			'old format, 경기',
			'경기 98 123456 01',
			regionName({ valid: true, regionCode: '13', regionName: '경기', firstLicensedYear: '98' }),
		],
		[
			'old format cannot print 경기북부 (split in 2016)',
			'경기북부 19-123456-61',
			regionName({ valid: false, warnings: ['unknown region name'], firstLicensedYear: '19' }),
		],
		[
			'old format, unknown name',
			'한양 19-123456-61',
			regionName({ valid: false, warnings: ['unknown region name'], firstLicensedYear: '19' }),
		],
		['documented example, fully masked', '**-**-******-**', numeric({ masked: true })],
		[
			'masked serial only',
			'11-19-******-**',
			numeric({
				valid: true,
				masked: true,
				regionCode: '11',
				regionName: '서울',
				firstLicensedYear: '19',
			}),
		],
		['masked region', '1*-19-123456-61', numeric({ masked: true, firstLicensedYear: '19' })],
		[
			'masked year',
			'11-**-123456-61',
			numeric({ valid: true, masked: true, regionCode: '11', regionName: '서울' }),
		],
		['masked region name', '** 19-123456-61', numeric({ masked: true, firstLicensedYear: '19' })],
		[
			'masked old region name',
			'서* 19-123456-61',
			regionName({ masked: true, firstLicensedYear: '19' }),
		],
		[
			'serial too short',
			'11-19-12345-61',
			{ ...EMPTY, valid: false, warnings: ["not a driver's license number shape"] },
		],
		[
			'region name with 12 digits',
			'서울 11-19-123456-61',
			{ ...EMPTY, valid: false, warnings: ["not a driver's license number shape"] },
		],
		['empty', '', EMPTY],
	])('%s', (_name, text, expected) => {
		expect(readLicenseNumber(text)).toEqual(expected);
	});
});
