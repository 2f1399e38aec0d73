/**
 * Makes docs/images/redaction-before-after.png: samples/resident-card.jpg beside the redacted
 * copy the node itself wrote, in a real n8n against the local CLOVA emulator (the
 * store-redacted-copy example with its Google Sheets node disabled).
 *
 *   npx tsx tools/samples/redaction-before-after.ts [--line v2|v1] [--no-build]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { parseArgs, stringOption } from '../n8n/cli-args';
import { log } from '../n8n/log';
import { executeWorkflow, importWorkflow } from '../n8n/n8n-cli';
import { parseLine } from '../n8n/versions';
import { prepareExamplesInstance, REPO_ROOT, runnableStoreRedactedCopy, SAMPLES_DIR } from './examples';

const OUTPUT = join(REPO_ROOT, 'docs', 'images', 'redaction-before-after.png');
const PANEL_WIDTH = 560;
const GAP = 24;
const LABEL_HEIGHT = 36;

async function panel(image: Buffer, label: string): Promise<Buffer> {
	const scaled = await sharp(image).resize({ width: PANEL_WIDTH }).png().toBuffer();
	const { height = 0 } = await sharp(scaled).metadata();
	const text = Buffer.from(
		`<svg width="${PANEL_WIDTH}" height="${LABEL_HEIGHT}" xmlns="http://www.w3.org/2000/svg">` +
			`<text x="0" y="26" font-family="sans-serif" font-size="22" fill="#1f2d3d">${label}</text></svg>`,
	);
	return await sharp({
		create: { width: PANEL_WIDTH, height: height + LABEL_HEIGHT, channels: 3, background: '#ffffff' },
	})
		.composite([
			{ input: text, top: 0, left: 0 },
			{ input: scaled, top: LABEL_HEIGHT, left: 0 },
		])
		.png()
		.toBuffer();
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const instance = await prepareExamplesInstance({
		line: parseLine(stringOption(args, 'line') ?? process.env.N8N_LINE),
		build: args.options['no-build'] !== true,
	});
	try {
		const workflow = runnableStoreRedactedCopy(instance.filesDir);
		await importWorkflow(instance.ctx, workflow);
		await executeWorkflow(instance.ctx, workflow.id);
		const before = readFileSync(join(SAMPLES_DIR, 'resident-card.jpg'));
		const after = readFileSync(join(instance.filesDir, 'resident-card-redacted.jpg'));
		const [left, right] = await Promise.all([
			panel(before, 'samples/resident-card.jpg'),
			panel(after, 'Add Redacted Image: resident-card-redacted.jpg'),
		]);
		const { height = 0 } = await sharp(left).metadata();
		await sharp({
			create: { width: 2 * PANEL_WIDTH + GAP, height, channels: 3, background: '#ffffff' },
		})
			.composite([
				{ input: left, top: 0, left: 0 },
				{ input: right, top: 0, left: PANEL_WIDTH + GAP },
			])
			.png({ compressionLevel: 9, palette: true })
			.toFile(OUTPUT);
		log(`wrote ${OUTPUT}`);
	} finally {
		await instance.dispose();
	}
}

main().catch((error: unknown) => {
	log(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(1);
});
