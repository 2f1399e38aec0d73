/**
 * Benchmark of the redaction library on a 4032×3024 photo-like image (gradients, shapes and
 * noise) as baseline JPEG, progressive JPEG and PNG.
 *
 *   npm run build && npx tsx tools/bench/redaction.ts
 *
 * Each format runs in its own child process (so its peak memory is its own): median wall time
 * (and CPU time of the process, less disturbed by other load on the machine) of RUNS redactions, peak extra memory (max RSS during the runs minus RSS with the input loaded),
 * and output size ÷ input size.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

interface RedactionRegion {
	x: number;
	y: number;
	width: number;
	height: number;
}
type RedactionResult =
	| { status: 'applied' | 'noRegions'; data: Uint8Array }
	| { status: 'unsupported'; reason: string };
type RedactImage = (file: Uint8Array, regions: RedactionRegion[]) => RedactionResult;

/** The library as it ships: from the built dist/ (run `npm run build` first), never from its sources. */
function builtRedactImage(): RedactImage {
	const modulePath = join(
		__dirname,
		'..',
		'..',
		'dist',
		'nodes',
		'ClovaOcr',
		'redaction',
		'index.js',
	);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require(modulePath) as { redactImage: RedactImage }).redactImage;
}

const WIDTH = 4032;
const HEIGHT = 3024;
const RUNS = 3;
const REGIONS: RedactionRegion[] = [
	{ x: 400, y: 300, width: 1200, height: 160 },
	{ x: 2100, y: 1500, width: 900, height: 120 },
	{ x: 3500, y: 2800, width: 532, height: 224 },
];

function photoLike(): Buffer {
	const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
	let seed = 12345;
	const rand = (): number => {
		seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
		return seed / 4294967296;
	};
	for (let y = 0; y < HEIGHT; y++) {
		for (let x = 0; x < WIDTH; x++) {
			const i = (y * WIDTH + x) * 3;
			const n = (rand() + rand() + rand() - 1.5) * 16;
			const disc = (x - 2000) ** 2 + (y - 1500) ** 2 < 900 ** 2 ? 40 : 0;
			raw[i] = Math.max(0, Math.min(255, (x / WIDTH) * 200 + 30 + disc + n));
			raw[i + 1] = Math.max(0, Math.min(255, (y / HEIGHT) * 180 + 40 + n));
			raw[i + 2] = Math.max(0, Math.min(255, 120 + 60 * Math.sin(x / 300 + y / 500) - disc + n));
		}
	}
	return raw;
}

function child(file: string): void {
	const redactImage = builtRedactImage();
	const input = new Uint8Array(readFileSync(file));
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	const rss0 = process.memoryUsage().rss;
	const times: number[] = [];
	const cpuTimes: number[] = [];
	let outSize = 0;
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		const r = redactImage(input, REGIONS);
		times.push(performance.now() - t0);
		const c1 = process.cpuUsage(c0);
		cpuTimes.push((c1.user + c1.system) / 1000);
		if (r.status === 'unsupported') throw new Error(r.reason);
		outSize = r.data.length;
		gc?.();
	}
	const peak = process.resourceUsage().maxRSS * 1024;
	times.sort((a, b) => a - b);
	cpuTimes.sort((a, b) => a - b);
	process.stdout.write(
		JSON.stringify({
			medianMs: times[Math.floor(times.length / 2)],
			medianCpuMs: cpuTimes[Math.floor(cpuTimes.length / 2)],
			peakExtraMB: (peak - rss0) / 1e6,
			ratio: outSize / input.length,
			inSize: input.length,
			outSize,
		}),
	);
}

async function main(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'redaction-bench-'));
	try {
		const raw = photoLike();
		const img = (): ReturnType<typeof sharp> =>
			sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } });
		const files: Array<[string, string, Buffer, number, number]> = [
			[
				'baseline JPEG (q90, 4:2:0)',
				'b.jpg',
				await img().jpeg({ quality: 90 }).toBuffer(),
				1000,
				1.1,
			],
			[
				'progressive JPEG (q90, 4:2:0)',
				'p.jpg',
				await img().jpeg({ quality: 90, progressive: true }).toBuffer(),
				2000,
				1.1,
			],
			['PNG (RGB 8-bit)', 'i.png', await img().png({ compressionLevel: 6 }).toBuffer(), 2000, 1.5],
		];
		console.log(
			`image ${WIDTH}×${HEIGHT}, ${REGIONS.length} regions, median of ${RUNS} runs; targets in brackets`,
		);
		for (const [label, name, data, timeTarget, ratioTarget] of files) {
			const path = join(dir, name);
			writeFileSync(path, data);
			const out = execFileSync(
				process.execPath,
				['--expose-gc', '--import', 'tsx', __filename, '--child', path],
				{
					encoding: 'utf8',
					maxBuffer: 1 << 20,
				},
			);
			const r = JSON.parse(out) as {
				medianMs: number;
				medianCpuMs: number;
				peakExtraMB: number;
				ratio: number;
				inSize: number;
			};
			console.log(
				`${label.padEnd(30)} ${(r.inSize / 1e6).toFixed(2)} MB in  time ${r.medianMs.toFixed(0)} ms (CPU ${r.medianCpuMs.toFixed(0)} ms) [≤ ${timeTarget}]  ` +
					`peak extra ${r.peakExtraMB.toFixed(0)} MB [≤ 150]  out/in ${r.ratio.toFixed(3)} [≤ ${ratioTarget}]`,
			);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[2] === '--child') child(process.argv[3]);
else void main();
