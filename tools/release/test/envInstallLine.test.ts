import { createHash } from 'node:crypto';
import { envInstallLines, tarballIntegrity } from '../envInstallLine';

const CHECKSUM = `sha512-${createHash('sha512').update('a tarball').digest('base64')}`;

describe('tarballIntegrity', () => {
	test('sha512 of the bytes, base64, with the sha512- prefix', () => {
		// sha512("abc"), FIPS 180-2's example, in base64
		expect(tarballIntegrity(Buffer.from('abc'))).toBe(
			'sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==',
		);
	});
});

describe('envInstallLines', () => {
	test('the two lines n8n reads, managed-by-env first', () => {
		expect(
			envInstallLines({ name: 'n8n-nodes-clova-ocr', version: '1.2.3', checksum: CHECKSUM }),
		).toEqual([
			'N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV=true',
			`N8N_COMMUNITY_PACKAGES='[{"name":"n8n-nodes-clova-ocr","version":"1.2.3","checksum":"${CHECKSUM}"}]'`,
		]);
	});

	test.each(['sha1-abc', 'sha512-short==', CHECKSUM.slice(0, -2), ` ${CHECKSUM}`])(
		'refuses the checksum %s',
		(checksum) => {
			expect(() =>
				envInstallLines({ name: 'n8n-nodes-clova-ocr', version: '1.2.3', checksum }),
			).toThrow('is not a sha512 integrity string');
		},
	);

	test('refuses a quote that would end the shell quoting', () => {
		expect(() => envInstallLines({ name: "it's", version: '1.2.3', checksum: CHECKSUM })).toThrow(
			'would break the shell quoting',
		);
	});
});
