import { imageUid } from '../image-uid';

describe('imageUid', () => {
	test('32 hex characters, never a run of 6 characters that could be digits', () => {
		for (let i = 0; i < 2000; i++) {
			const uid = imageUid();
			expect(uid).toMatch(/^[0-9a-f]{32}$/);
			expect(uid).not.toMatch(/[0-9b]{6}/);
		}
	});
});
