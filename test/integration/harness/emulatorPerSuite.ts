import { startEmulator, type Emulator } from '../../../tools/clova-emulator';
import { useBinaryMode } from './binaryData';

/**
 * One emulator for a test file, on in-memory binary data, with its records
 * cleared before each test. `onStart` receives it once it listens.
 */
export function emulatorPerSuite(secretKey: string, onStart: (emulator: Emulator) => void): void {
	let emulator: Emulator | undefined;
	beforeAll(async () => {
		await useBinaryMode('default');
		emulator = await startEmulator({ secretKey });
		onStart(emulator);
	});
	afterAll(async () => await emulator?.close());
	beforeEach(() => emulator?.reset());
}
