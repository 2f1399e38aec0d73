/** jest globalTeardown of the e2e project: removes the run's packed tarballs and state file. */
import { rmSync } from 'node:fs';
import { e2eState } from './harness';

export default async function globalTeardown(): Promise<void> {
	if (process.env.N8N_E2E_KEEP === '1') return;
	rmSync(e2eState().workDir, { recursive: true, force: true });
}
