/**
 * Re-takes docs/images/*.png: each example workflow open in a real n8n editor (headless
 * Chromium), and read-id-card after a run with the CLOVA OCR node's output items.
 *
 *   apt-get install -y chromium                  # once (or CHROMIUM_PATH=/path/to/chrome)
 *   npx tsx tools/samples/screenshots.ts [--line v2|v1] [--no-build] [--keep]
 *
 * n8n comes from tools/n8n (pinned, cached), CLOVA is the local emulator answering the
 * sample cards. playwright-core is not a dependency of this repo: it is used from the repo
 * if installed, else installed once with npm into the cache next to n8n
 * (`<cache>/playwright-core-<version>/`).
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheRoot } from '../n8n/cache';
import { parseArgs, stringOption } from '../n8n/cli-args';
import { log, timed, timingSummary } from '../n8n/log';
import { setUpOwner } from '../n8n/n8n-rest';
import { startN8n } from '../n8n/n8n-server';
import { envWithoutNpmConfig, runCommand } from '../n8n/run-command';
import { parseLine } from '../n8n/versions';
import { EXAMPLES, localizeExample, prepareExamplesInstance, REPO_ROOT, type ExampleName } from './examples';

const PLAYWRIGHT_VERSION = '1.65.1';
const IMAGES_DIR = join(REPO_ROOT, 'docs', 'images');
const MAX_BYTES = 300 * 1024;

// The little of playwright-core's API used here (typed locally: it is not a dependency).
interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}
interface Locator {
	dblclick(): Promise<void>;
	boundingBox(): Promise<Box | null>;
	waitFor(options?: { state?: 'visible' | 'attached'; timeout?: number }): Promise<void>;
	first(): Locator;
	count(): Promise<number>;
}
interface Page {
	goto(url: string): Promise<unknown>;
	locator(selector: string, options?: { hasText?: string }): Locator;
	click(selector: string): Promise<void>;
	waitForTimeout(ms: number): Promise<void>;
	screenshot(options: { path: string }): Promise<Buffer>;
	mouse: {
		move(x: number, y: number, options?: { steps?: number }): Promise<void>;
		down(): Promise<void>;
		up(): Promise<void>;
	};
}
interface BrowserContext {
	addCookies(cookies: Array<{ name: string; value: string; url: string }>): Promise<void>;
	newPage(): Promise<Page>;
}
interface Browser {
	newContext(options: { viewport: { width: number; height: number }; locale?: string }): Promise<BrowserContext>;
	close(): Promise<void>;
}
interface PlaywrightCore {
	chromium: { launch(options: { executablePath: string; args: string[] }): Promise<Browser> };
}

async function loadPlaywright(): Promise<PlaywrightCore> {
	const fromRepo = createRequire(join(REPO_ROOT, 'package.json'));
	try {
		return fromRepo('playwright-core') as PlaywrightCore;
	} catch {
		// not installed in the repo: use (or make) the cached copy
	}
	const dir = join(cacheRoot(), `playwright-core-${PLAYWRIGHT_VERSION}`);
	if (!existsSync(join(dir, 'node_modules', 'playwright-core', 'package.json'))) {
		mkdirSync(dir, { recursive: true });
		await timed(`npm install playwright-core@${PLAYWRIGHT_VERSION} into ${dir}`, () =>
			runCommand(
				'npm',
				['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', `playwright-core@${PLAYWRIGHT_VERSION}`],
				{ cwd: dir, env: envWithoutNpmConfig(), timeoutMs: 300_000 },
			),
		);
	}
	return createRequire(join(dir, 'package.json'))('playwright-core') as PlaywrightCore;
}

function chromiumPath(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
	const found = candidates.find((c): c is string => !!c && existsSync(c));
	if (!found) throw new Error('no Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
	return found;
}

/** Names of the editor screenshots of the examples the README shows, and of the after-run one. */
export const SCREENSHOTS: Partial<Record<ExampleName, string>> = {
	'read-id-card': 'example-read-id-card.png',
	'id-card-to-google-sheets': 'example-id-card-to-google-sheets.png',
	'driver-license-renewal-check': 'example-driver-license-renewal-check.png',
	'batch-from-folder': 'example-batch-from-folder.png',
	'store-redacted-copy': 'example-store-redacted-copy.png',
};
export const RUN_SCREENSHOT = 'example-read-id-card-output.png';

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const playwright = await loadPlaywright();
	const executablePath = chromiumPath();
	const instance = await prepareExamplesInstance({
		line: parseLine(stringOption(args, 'line') ?? process.env.N8N_LINE),
		build: args.options['no-build'] !== true,
	});
	const server = await startN8n(instance.ctx);
	let browser: Browser | undefined;
	try {
		const session = await setUpOwner(server);
		browser = await playwright.chromium.launch({
			executablePath,
			// root in a container: no sandbox; nothing phones home
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		const [cookieName] = session.cookie.split('=');
		const open = async (name: ExampleName, width: number, height: number): Promise<Page> => {
			const context = await browser!.newContext({ viewport: { width, height }, locale: 'en-US' });
			await context.addCookies([{ name: cookieName, value: session.cookie.slice(cookieName.length + 1), url: server.url }]);
			const page = await context.newPage();
			await page.goto(`${server.url}/workflow/${localizeExample(name, { filesDir: instance.filesDir }).id}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
			await page.waitForTimeout(2_000); // fit-to-view and fonts settle
			return page;
		};
		mkdirSync(IMAGES_DIR, { recursive: true });
		const shoot = async (page: Page, file: string) => {
			const path = join(IMAGES_DIR, file);
			await page.screenshot({ path });
			const bytes = statSync(path).size;
			log(`${path}: ${bytes} bytes`);
			if (bytes > MAX_BYTES) throw new Error(`${file} is ${bytes} bytes, over ${MAX_BYTES}`);
		};

		for (const name of EXAMPLES) {
			const file = SCREENSHOTS[name];
			if (file === undefined) continue;
			await timed(`screenshot ${name}`, async () => shoot(await open(name, 1280, 720), file));
		}

		// read-id-card after "Execute workflow", its CLOVA OCR node open on the output table
		await timed('screenshot read-id-card after a run', async () => {
			const page = await open('read-id-card', 1600, 720);
			await page.click('[data-test-id="execute-workflow-button"]');
			await page.locator('[data-test-id="canvas-node-status-success"]').first().waitFor({ timeout: 60_000 });
			await page.waitForTimeout(1_000);
			await page.locator('[data-test-id="canvas-node"]', { hasText: 'CLOVA OCR' }).dblclick();
			await page.locator('[data-test-id="ndv-data-container"]').first().waitFor({ timeout: 30_000 });
			// drag the parameters panel to the left so the output table gets the room
			const handle = await page.locator('[data-test-id="panel-drag-button"]').boundingBox();
			if (handle) {
				const y = handle.y + handle.height / 2;
				await page.mouse.move(handle.x + handle.width / 2, y);
				await page.mouse.down();
				await page.mouse.move(300, y, { steps: 10 });
				await page.mouse.up();
			}
			await page.waitForTimeout(1_000);
			await shoot(page, RUN_SCREENSHOT);
		});
	} finally {
		await browser?.close();
		await server.stop();
		await instance.dispose(args.options.keep === true);
		log(`timings:\n${timingSummary()}`);
	}
}

main().catch((error: unknown) => {
	log(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(1);
});
