/**
 * Measures where the text is on a drawn sample (generate.sh), for the CLOVA emulator's specimen
 * geometry (tools/clova-emulator/specimen-geometry.ts): the extent of dark ink inside each
 * field's search box, and for a field with a masked part the ink after its hyphen.
 *
 *   npx tsx tools/samples/measure-ink.ts business   # or: receipt
 *
 * Dark ink is what the specimen tests call dark (r < 110, g < 120, b < 130), so the pale
 * 견본 SPECIMEN watermark and the red seal never count.
 */
import { join } from 'node:path';

import sharp from 'sharp';

type Box = [number, number, number, number];

interface Search {
	/** Where the value is printed, labels left out. */
	box: Box;
	/** Also measure the ink after the first hyphen (the back digits of a registration number). */
	afterHyphen?: boolean;
}

const BUSINESS: Record<string, Search> = {
	documentType: { box: [250, 140, 990, 230] },
	taxType: { box: [450, 232, 790, 285] },
	registerNumber: { box: [550, 290, 900, 350] },
	corpName: { box: [410, 390, 880, 440] },
	companyName: { box: [410, 452, 880, 500] },
	repName: { box: [410, 514, 680, 562] },
	birth: { box: [880, 514, 1160, 562] },
	socialNumber: { box: [410, 576, 680, 624], afterHyphen: true },
	coRepName: { box: [410, 638, 680, 686] },
	coRepSocialNum: { box: [880, 638, 1160, 686], afterHyphen: true },
	openDate: { box: [410, 700, 680, 748] },
	corpRegisterNum: { box: [880, 700, 1160, 748] },
	bisAddress: { box: [410, 762, 1160, 810] },
	headAddress: { box: [410, 824, 1160, 872] },
	'bisType.0': { box: [460, 886, 680, 932] },
	'bisType.1': { box: [460, 932, 680, 978] },
	'bisItem.0': { box: [740, 886, 1160, 932] },
	'bisItem.1': { box: [740, 932, 1160, 978] },
	issuanceReason: { box: [410, 1000, 680, 1048] },
	issuanceDate: { box: [300, 1310, 940, 1370] },
	bisArea: { box: [300, 1400, 790, 1480] },
};

function receiptItems(): Record<string, Search> {
	const items: Record<string, Search> = {};
	for (let i = 0; i < 4; i++) {
		const y = 440 + 66 * i;
		const at = `subResults.0.items.${i}`;
		items[`${at}.name`] = { box: [20, y - 6, 240, y + 26] };
		items[`${at}.code`] = { box: [40, y + 26, 240, y + 58] };
		items[`${at}.price.unitPrice`] = { box: [260, y - 6, 345, y + 26] };
		items[`${at}.count`] = { box: [380, y - 6, 420, y + 26] };
		items[`${at}.price.price`] = { box: [450, y - 6, 560, y + 26] };
	}
	return items;
}

const RECEIPT: Record<string, Search> = {
	'storeInfo.name': { box: [150, 75, 430, 135] },
	'storeInfo.subName': { box: [200, 135, 380, 178] },
	'storeInfo.bizNum': { box: [150, 185, 360, 217] },
	'storeInfo.addresses.0': { box: [20, 220, 400, 252] },
	'storeInfo.tel.0': { box: [70, 254, 300, 286] },
	'paymentInfo.date': { box: [110, 318, 250, 350] },
	'paymentInfo.time': { box: [250, 318, 380, 350] },
	...receiptItems(),
	'subTotal.0.subTotalPrice': { box: [450, 724, 560, 756] },
	'subTotal.0.discountPrice.0': { box: [450, 756, 560, 788] },
	'subTotal.0.taxPrice.0': { box: [450, 788, 560, 820] },
	'totalPrice.price': { box: [420, 850, 560, 890] },
	'totalPrice.creditCardPrice': { box: [420, 890, 560, 924] },
	'paymentInfo.cardInfo.company': { box: [150, 952, 400, 984] },
	'paymentInfo.cardInfo.number': { box: [150, 984, 450, 1016] },
	'paymentInfo.confirmNum': { box: [150, 1016, 400, 1048] },
};

const DOCUMENTS: Record<string, { file: string; fields: Record<string, Search> }> = {
	business: { file: 'business-registration.png', fields: BUSINESS },
	receipt: { file: 'receipt.png', fields: RECEIPT },
};

async function main(): Promise<void> {
	const which = process.argv[2] ?? '';
	const document = DOCUMENTS[which];
	if (document === undefined) throw new Error(`usage: measure-ink.ts ${Object.keys(DOCUMENTS).join('|')} [dir]`);
	const dir = process.argv[3] ?? join(__dirname, '..', '..', 'samples');
	const { data, info } = await sharp(join(dir, document.file))
		.removeAlpha()
		.raw()
		.toBuffer({ resolveWithObject: true });
	const dark = (x: number, y: number): boolean => {
		const i = (y * info.width + x) * info.channels;
		return (data[i] ?? 255) < 110 && (data[i + 1] ?? 255) < 120 && (data[i + 2] ?? 255) < 130;
	};
	const inkOf = ([x0, y0, x1, y1]: Box): Box | null => {
		let box: Box | null = null;
		for (let y = y0; y < y1; y++)
			for (let x = x0; x < x1; x++)
				if (dark(x, y))
					box =
						box === null
							? [x, y, x + 1, y + 1]
							: [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x + 1), Math.max(box[3], y + 1)];
		return box;
	};
	for (const [field, search] of Object.entries(document.fields)) {
		const ink = inkOf(search.box);
		if (ink === null) throw new Error(`${field}: no ink in ${search.box.join(',')}`);
		let line = `${field}: { ink: [${ink.join(', ')}]`;
		if (search.afterHyphen) {
			// Runs of inked columns: the hyphen is the one whose ink is shortest.
			const runs: Array<{ from: number; to: number; height: number }> = [];
			for (let x = ink[0]; x < ink[2]; x++) {
				const column = inkOf([x, ink[1], x + 1, ink[3]]);
				const last = runs[runs.length - 1];
				if (column === null) continue;
				const height = column[3] - column[1];
				if (last !== undefined && last.to === x) {
					last.to = x + 1;
					last.height = Math.max(last.height, height);
				} else runs.push({ from: x, to: x + 1, height });
			}
			const hyphen = runs.reduce((a, b) => (b.height < a.height ? b : a));
			const next = runs[runs.indexOf(hyphen) + 1];
			if (next === undefined) throw new Error(`${field}: nothing after the hyphen`);
			const masked = inkOf([next.from, ink[1], ink[2], ink[3]]);
			line += `, masked: [${(masked ?? ink).join(', ')}]`;
			line += ` } // gap after hyphen ${next.from - hyphen.to} px`;
		} else line += ' }';
		console.log(line);
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
