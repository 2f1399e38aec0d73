/**
 * `npm start`: a real n8n on http://localhost:5678 with this package installed as a
 * community package, a CLOVA OCR credential, the sample cards and a demo workflow.
 * CLOVA is the local emulator unless CLOVA_INVOKE_URL and CLOVA_SECRET_KEY are set.
 * Ctrl-C stops n8n, the emulator and everything they started.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { startEmulator, type Emulator } from '../clova-emulator';
import { log } from '../n8n/log';
import { importWorkflow, type WorkflowInput } from '../n8n/n8n-cli';
import { setUpOwner, TEST_OWNER } from '../n8n/n8n-rest';
import { startN8n } from '../n8n/n8n-server';
import { prepareInstance } from '../n8n/prepare-instance';
import { runUntilSignal } from '../n8n/run-until-signal';
import { parseLine } from '../n8n/versions';

const REPO = resolve(__dirname, '../..');
const PORT = Number(process.env.N8N_PORT ?? 5678);
// The id and name the examples/ workflows refer to, so they find it when imported.
const CREDENTIAL = { id: 'clovaOcrApiCred1', name: 'CLOVA OCR API account' };
const EMULATOR_SECRET = 'local-emulator-secret';

async function clovaTarget(): Promise<{
	invokeUrl: string;
	secretKey: string;
	emulator?: Emulator;
}> {
	const invokeUrl = process.env.CLOVA_INVOKE_URL?.trim();
	const secretKey = process.env.CLOVA_SECRET_KEY?.trim();
	if (invokeUrl && secretKey) {
		log('CLOVA OCR: using CLOVA_INVOKE_URL and CLOVA_SECRET_KEY from the environment');
		return { invokeUrl, secretKey };
	}
	const emulator = await startEmulator({ secretKey: EMULATOR_SECRET, latencyMs: 300 });
	log(
		`CLOVA OCR: local emulator on ${emulator.url} (set CLOVA_INVOKE_URL and CLOVA_SECRET_KEY to use your own domain)`,
	);
	return { invokeUrl: emulator.invokeUrl, secretKey: EMULATOR_SECRET, emulator };
}

function demoWorkflow(samplesGlob: string): WorkflowInput {
	const template = readFileSync(join(__dirname, 'demo-workflow.json'), 'utf8');
	const filled = template
		.replace('{{SAMPLES_GLOB}}', samplesGlob)
		.replace('{{CREDENTIAL_ID}}', CREDENTIAL.id)
		.replace('{{CREDENTIAL_NAME}}', CREDENTIAL.name);
	return JSON.parse(filled) as WorkflowInput;
}

async function main(): Promise<() => Promise<void>> {
	const clova = await clovaTarget();
	const { ctx, pkg } = await prepareInstance({
		line: parseLine(process.env.N8N_LINE),
		port: PORT,
		build: true,
		clova: { invokeUrl: clova.invokeUrl, secretKey: clova.secretKey, ...CREDENTIAL },
	});
	const samplesDir = join(ctx.folder.filesDir, 'samples');
	cpSync(join(REPO, 'samples'), samplesDir, {
		recursive: true,
		filter: (path) => !path.endsWith('.md'),
	});
	await importWorkflow(ctx, demoWorkflow(`${samplesDir}/*`));

	const server = await startN8n(ctx);
	await setUpOwner(server);
	log(`n8n ${ctx.n8n.pin.n8n} with ${pkg.name}@${pkg.version} is ready: http://localhost:${PORT}`);
	log(
		`sign in as ${TEST_OWNER.email} / ${TEST_OWNER.password}, open "CLOVA OCR demo: read the sample cards" and click Execute workflow`,
	);
	log(`the Read/Write Files node may read ${ctx.folder.filesDir}; Ctrl-C stops everything`);

	return async () => {
		log('stopping n8n and the emulator...');
		await server.stop();
		await clova.emulator?.close();
		ctx.folder.remove();
	};
}

runUntilSignal(main);
