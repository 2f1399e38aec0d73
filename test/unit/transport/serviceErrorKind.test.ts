import { serviceErrorKind } from '../../../nodes/ClovaOcr/transport/serviceErrors';

describe('serviceErrorKind: what a service answer means for sending again', () => {
	test.each<[string | undefined, number, string]>([
		['0025', 400, 'congestion'],
		[undefined, 429, 'congestion'],
		['0500', 500, 'transient'],
		['0501', 500, 'transient'],
		['0599', 500, 'transient'],
		[undefined, 502, 'transient'],
		[undefined, 503, 'transient'],
		['0001', 400, 'permanent'],
		['0002', 401, 'permanent'],
		['0011', 400, 'permanent'],
		['0021', 400, 'permanent'],
		['0022', 400, 'permanent'],
		['0023', 400, 'permanent'],
		['1021', 500, 'permanent'],
		['1022', 403, 'permanent'],
		[undefined, 400, 'permanent'],
		[undefined, 404, 'permanent'],
	])('code %s, HTTP %d: %s', (code, status, kind) => {
		expect(serviceErrorKind(code, status)).toBe(kind);
	});
});
