/**
 * Multi-page PDFs built in memory from the sample contract (samples/contract.pdf), for the
 * bench and tests: N pages cycling through the contract's three (page i is the contract's page
 * i mod 3), marked `general-contract`, and the same pages as single-page PNGs, page i marked
 * `general-contract-page{i mod 3 + 1}`. The CLOVA emulator's General OCR answers the PDF with
 * N `images[]` entries and each PNG with one, the same words as the PDF's page (only
 * `pageIndex` differs), so a bench can compare one N-page call with N single-page calls.
 *
 *   import { contractPdf } from '../samples/multi-page-pdf';
 *   const { pdf, pages } = contractPdf(20); // pdf: Buffer; pages[i].png, pages[i].scenario
 *
 * Nothing is written to disk (the samples stay three pages).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { A4_POINTS, pdfOfPngPages, pngPagesOfPdf, writePng, type PngImage } from './pdf-pages';

export const SAMPLES_DIRECTORY = join(__dirname, '..', '..', 'samples');
const MARKER_PREFIX = 'CLOVA-EMULATOR:scenario=';

/** The scenario the emulator answers a contract PDF with (its pages in order, cycling). */
export const CONTRACT_SCENARIO = 'general-contract';

export interface SinglePage {
	/** Which page of the built PDF (0-based). */
	readonly pageIndex: number;
	/** A PNG of the page, pixel for pixel the PDF's, with its own marker. */
	readonly png: Buffer;
	/** The emulator scenario its marker names: `general-contract-page1` .. `-page3`. */
	readonly scenario: string;
}

export interface MultiPagePdf {
	readonly pdf: Buffer;
	readonly pageCount: number;
	readonly scenario: typeof CONTRACT_SCENARIO;
	readonly pages: readonly SinglePage[];
}

const cache = new Map<string, PngImage[]>();

/** The contract's three pages, as PNG images (read once per directory). */
export function contractPages(samples = SAMPLES_DIRECTORY): PngImage[] {
	let pages = cache.get(samples);
	if (pages === undefined) {
		pages = pngPagesOfPdf(readFileSync(join(samples, 'contract.pdf')));
		if (pages.length !== 3) throw new Error(`contract.pdf: ${pages.length} pages, 3 expected`);
		cache.set(samples, pages);
	}
	return pages;
}

/** A `pageCount`-page PDF of the contract's pages (cycling) and its pages as single PNGs. */
export function contractPdf(pageCount: number, samples = SAMPLES_DIRECTORY): MultiPagePdf {
	if (!Number.isInteger(pageCount) || pageCount < 1)
		throw new RangeError('pageCount: an integer >= 1');
	const source = contractPages(samples);
	const images = Array.from({ length: pageCount }, (_unused, i) => source[i % source.length]!);
	const pdf = pdfOfPngPages(
		images.map((image) => writePng(image)),
		{
			marker: MARKER_PREFIX + CONTRACT_SCENARIO,
			title: `Synthetic specimen contract, ${pageCount} pages (SPECIMEN, no real contract)`,
			...A4_POINTS,
		},
	);
	const pages = images.map((image, pageIndex) => {
		const scenario = `${CONTRACT_SCENARIO}-page${(pageIndex % source.length) + 1}`;
		const comment = `${MARKER_PREFIX}${scenario} (synthetic specimen contract page; no real contract)`;
		return { pageIndex, scenario, png: writePng(image, [['Comment', comment]]) };
	});
	return { pdf, pageCount, scenario: CONTRACT_SCENARIO, pages };
}
