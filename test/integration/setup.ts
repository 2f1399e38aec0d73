import { removeBinaryFolders } from './harness/binaryData';
import { shutdownEngine } from './harness/shutdown';

afterAll(() => {
	shutdownEngine();
	removeBinaryFolders();
});
