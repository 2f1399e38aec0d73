/**
 * `npm start`: a real n8n on http://localhost:5678 with this package installed as a
 * community package, CLOVA OCR credentials (one per product: ID cards, business registration),
 * the sample files and the demo workflow (demo.ts, demo-workflow.json).
 * CLOVA is the local emulator unless CLOVA_INVOKE_URL and CLOVA_SECRET_KEY are set; the
 * business registration branch then uses CLOVA_BIZ_INVOKE_URL and CLOVA_BIZ_SECRET_KEY, and is
 * left out without them.
 * Ctrl-C stops n8n, the emulator and everything they started.
 */
import { join } from 'node:path';

import { startEmulator, type Emulator } from '../clova-emulator';
import { log } from '../n8n/log';
import { importWorkflow } from '../n8n/n8n-cli';
import { setUpOwner, TEST_OWNER } from '../n8n/n8n-rest';
import { startN8n } from '../n8n/n8n-server';
import { prepareInstance } from '../n8n/prepare-instance';
import { runUntilSignal } from '../n8n/run-until-signal';
import { parseLine } from '../n8n/versions';
import { chooseDomains, copyDemoSamples, demoCredentials, demoWorkflow } from './demo';

const PORT = Number(process.env.N8N_PORT ?? 5678);
const EMULATOR_SECRET = 'local-emulator-secret';

function hasPair(urlName: string, secretName: string): boolean {
	return Boolean(process.env[urlName]?.trim() && process.env[secretName]?.trim());
}

async function main(): Promise<() => Promise<void>> {
	const emulator: Emulator | undefined = hasPair('CLOVA_INVOKE_URL', 'CLOVA_SECRET_KEY')
		? undefined
		: await startEmulator({ secretKey: EMULATOR_SECRET, latencyMs: 300 });
	const { domains, sources } = chooseDomains(process.env, emulator);
	if (emulator) {
		log(
			`CLOVA OCR: local emulator on ${emulator.url} (set CLOVA_INVOKE_URL and CLOVA_SECRET_KEY to use your own domain)`,
		);
	} else {
		log('CLOVA OCR ID cards: using CLOVA_INVOKE_URL and CLOVA_SECRET_KEY from the environment');
	}
	log(
		{
			environment:
				'CLOVA OCR business registration: using CLOVA_BIZ_INVOKE_URL and CLOVA_BIZ_SECRET_KEY from the environment',
			emulator: `CLOVA OCR business registration: the emulator's domain ${domains.businessRegistration?.invokeUrl ?? ''}`,
			none: 'CLOVA OCR business registration: CLOVA_BIZ_INVOKE_URL and CLOVA_BIZ_SECRET_KEY are not set, so the demo leaves that branch out',
		}[sources.businessRegistration],
	);

	const { ctx, pkg } = await prepareInstance({
		line: parseLine(process.env.N8N_LINE),
		port: PORT,
		build: true,
		credentials: demoCredentials(domains),
	});
	const samplesDir = join(ctx.folder.filesDir, 'samples');
	copyDemoSamples(samplesDir);
	const workflow = demoWorkflow(samplesDir, {
		businessRegistration: domains.businessRegistration !== null,
	});
	await importWorkflow(ctx, workflow);

	const server = await startN8n(ctx);
	await setUpOwner(server);
	log(`n8n ${ctx.n8n.pin.n8n} with ${pkg.name}@${pkg.version} is ready: http://localhost:${PORT}`);
	log(
		`sign in as ${TEST_OWNER.email} / ${TEST_OWNER.password}, open "${workflow.name}" and click Execute workflow`,
	);
	log(`the Read/Write Files nodes may read ${ctx.folder.filesDir}; Ctrl-C stops everything`);

	return async () => {
		log('stopping n8n and the emulator...');
		await server.stop();
		await emulator?.close();
		ctx.folder.remove();
	};
}

runUntilSignal(main);
