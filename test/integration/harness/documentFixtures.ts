/**
 * What the emulator serves for the Document OCR products, read straight from its fixtures
 * (tools/clova-emulator/fixtures/*.synthetic.json), so the integration tests can state each
 * item's confidence and box from the served element without copying float arithmetic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Emulator } from '../../../tools/clova-emulator';

const FIXTURES = join(__dirname, '..', '..', '..', 'tools', 'clova-emulator', 'fixtures');

export interface FixtureElement {
	text: string;
	confidenceScore: number;
	keyText?: string;
	boundingPolys: Array<{ vertices: Array<{ x: number; y: number }> }>;
	maskingPolys?: Array<{ vertices: Array<{ x: number; y: number }> }>;
}

/** `images[0]` of a synthetic fixture, before the emulator substitutes `uid` and `name`. */
export function fixtureImage(fixture: string): Record<string, unknown> {
	const file = JSON.parse(readFileSync(join(FIXTURES, `${fixture}.synthetic.json`), 'utf8')) as {
		images: Array<Record<string, unknown>>;
	};
	return file.images[0];
}

/**
 * The element a field item stands for: `field` is a path under `images[0].<resultKey>.result`
 * (`storeInfo.tel`, `subResults[0].items[1].price.price`), `index` its position when the path
 * ends in an array, 0 for a single element.
 */
export function fixtureElement(
	fixture: string,
	resultKey: string,
	field: string,
	index = 0,
): FixtureElement {
	const image = fixtureImage(fixture);
	let node: unknown = (image[resultKey] as { result: unknown }).result;
	for (const part of field.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
		node = part.startsWith('[')
			? (node as unknown[])[Number(part.slice(1, -1))]
			: (node as Record<string, unknown>)[part];
	}
	if (Array.isArray(node)) return node[index] as FixtureElement;
	if (index !== 0) throw new Error(`${field} is a single element, not index ${index}`);
	return node as FixtureElement;
}

/** The axis-aligned box of an element's first bounding polygon. */
export function boxOf(element: FixtureElement): {
	x: number;
	y: number;
	width: number;
	height: number;
} {
	const xs = element.boundingPolys[0].vertices.map((v) => v.x);
	const ys = element.boundingPolys[0].vertices.map((v) => v.y);
	const x = Math.min(...xs);
	const y = Math.min(...ys);
	return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** The requestId the node sent in the n-th request the emulator recorded. */
export function requestIdOf(emulator: Emulator, n = 0): string {
	return (emulator.requests[n].message as { requestId: string }).requestId;
}

/** The endpoint path of a product on its own domain, as the emulator records it. */
export function productPath(emulator: Emulator, product: keyof Emulator['invokeUrls']): string {
	const paths: Record<keyof Emulator['invokeUrls'], string> = {
		idCard: '/document/id-card',
		businessRegistration: '/document/biz-license',
		receipt: '/document/receipt',
		creditCard: '/document/credit-card',
		nameCard: '/document/name-card',
		passport: '/document/passport',
		general: '/general',
		template: '/infer',
	};
	return new URL(emulator.invokeUrls[product]).pathname + paths[product];
}
