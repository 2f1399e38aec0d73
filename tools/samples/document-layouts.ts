/**
 * The text of the synthetic contract (samples/contract.pdf, three A4 pages at 150 dpi) and
 * of the synthetic business-trip form (samples/form.*), in one place: generate.sh draws the
 * pages from it (ImageMagick arguments printed by the CLI below) and measure-words.ts measures
 * the drawn words from it for the CLOVA emulator's General and Template OCR fixtures.
 *
 *   npx tsx tools/samples/document-layouts.ts contract 2   # ImageMagick args of contract page 2
 *   npx tsx tools/samples/document-layouts.ts form         # ImageMagick args of the form
 *
 * All data is made up: 견본소프트, 홍길동, 김견본, and the registration number 900101-1234567
 * (whose check digit does not even pass: the valid one would end in 8).
 */

export const FONT_DIRECTORY = '/usr/share/fonts/truetype/nanum';

export const FONTS = {
	gothic: 'NanumGothic.ttf',
	gothicBold: 'NanumGothicBold.ttf',
	myeongjo: 'NanumMyeongjo.ttf',
	myeongjoBold: 'NanumMyeongjoBold.ttf',
} as const;

export type FontKey = keyof typeof FONTS;

/** [x0, y0, x1, y1] in pixels, x1 and y1 exclusive. */
export type Box = readonly [number, number, number, number];

/** One line of text, drawn with `-gravity northwest -annotate +x+y` (or centred on the page). */
export interface TextLine {
	readonly text: string;
	readonly font: FontKey;
	readonly size: number;
	/** Left edge of the text, or `center` (ImageMagick's `-gravity north`). */
	readonly x: number | 'center';
	/** Top of the text as ImageMagick places it. */
	readonly y: number;
	readonly fill: string;
}

/** A table cell: one line of text in the box between its grid lines. */
export interface TableCell {
	readonly row: number;
	readonly column: number;
	readonly rowSpan: number;
	readonly columnSpan: number;
	readonly text: string;
	readonly font: FontKey;
}

/** A ruled table: grid line positions (centre of each 2 px line), cells in reading order. */
export interface Table {
	readonly columns: readonly number[];
	readonly rows: readonly number[];
	readonly cells: readonly TableCell[];
	readonly size: number;
	readonly headerFill: string;
}

/** What a page holds, in reading order. */
export type Block = { kind: 'line'; line: TextLine } | { kind: 'table'; table: Table };

export interface Page {
	readonly width: number;
	readonly height: number;
	readonly blocks: readonly Block[];
}

export const A4 = { width: 1240, height: 1754 } as const;

const INK = '#111111';
const GREY = '#555555';

function line(
	text: string,
	y: number,
	options: Partial<Omit<TextLine, 'text' | 'y'>> = {},
): Block {
	return {
		kind: 'line',
		line: { text, y, font: 'gothic', size: 24, x: 120, fill: INK, ...options },
	};
}

/** Lines of a paragraph, 46 px apart. */
function paragraph(y: number, texts: readonly string[]): Block[] {
	return texts.map((text, index) => line(text, y + 46 * index));
}

function heading(text: string, y: number): Block {
	return line(text, y, { font: 'gothicBold', size: 26 });
}

function footer(page: number): Block[] {
	return [
		line('이 계약서는 견본입니다. 실제 계약이 아닙니다 (synthetic specimen, no real contract).', 1590, {
			size: 18,
			fill: GREY,
		}),
		line(`${page} / 3`, 1640, { x: 'center', size: 20, fill: GREY }),
	];
}

const FEES: Table = {
	columns: [120, 420, 760, 1120],
	rows: [380, 446, 512, 578],
	size: 24,
	headerFill: '#e9ecef',
	cells: [
		{ row: 0, column: 0, rowSpan: 1, columnSpan: 1, text: '구분', font: 'gothicBold' },
		{ row: 0, column: 1, rowSpan: 1, columnSpan: 1, text: '금액', font: 'gothicBold' },
		{ row: 0, column: 2, rowSpan: 1, columnSpan: 1, text: '지급 방법', font: 'gothicBold' },
		{ row: 1, column: 0, rowSpan: 1, columnSpan: 1, text: '착수금', font: 'gothic' },
		{ row: 1, column: 1, rowSpan: 1, columnSpan: 1, text: '3,000,000원', font: 'gothic' },
		{ row: 1, column: 2, rowSpan: 2, columnSpan: 1, text: '계좌 이체', font: 'gothic' },
		{ row: 2, column: 0, rowSpan: 1, columnSpan: 1, text: '잔금', font: 'gothic' },
		{ row: 2, column: 1, rowSpan: 1, columnSpan: 1, text: '7,000,000원', font: 'gothic' },
	],
};

/** The three pages of the contract (용역 계약서 / Service agreement). */
export const CONTRACT_PAGES: readonly Page[] = [
	{
		...A4,
		blocks: [
			line('용역 계약서', 150, { x: 'center', font: 'myeongjoBold', size: 56 }),
			line('SERVICE AGREEMENT', 236, { x: 'center', font: 'gothicBold', size: 26 }),
			...paragraph(340, [
				'견본소프트 주식회사(이하 "갑"이라 한다)와 홍길동(이하 "을"이라',
				'한다)은 다음과 같이 소프트웨어 개발 용역 계약을 체결한다.',
				'Sample Soft Co., Ltd. (A) and Hong Gildong (B) agree as follows.',
			]),
			heading('제1조 (목적)', 520),
			...paragraph(570, [
				'본 계약은 갑이 을에게 위탁하는 소프트웨어 개발 용역의 범위와',
				'조건을 정함을 목적으로 한다.',
				'Article 1 (Purpose) This agreement sets the scope and terms of',
				'the software development services that A entrusts to B.',
			]),
			heading('제2조 (계약 기간)', 796),
			...paragraph(846, [
				'계약 기간은 2024년 6월 1일부터 2024년 12월 31일까지로 한다.',
				'Article 2 (Term) The term runs from June 1, 2024 to December 31, 2024.',
			]),
			...footer(1),
		],
	},
	{
		...A4,
		blocks: [
			heading('제3조 (대금 및 지급)', 150),
			...paragraph(200, [
				'갑은 을에게 용역 대금으로 총 10,000,000원(부가세 별도)을',
				'아래 표와 같이 지급한다.',
				'Article 3 (Fees) A pays B the fees in the table below.',
			]),
			{ kind: 'table', table: FEES },
			heading('제4조 (비밀 유지)', 660),
			...paragraph(710, [
				'을은 용역 수행 중 알게 된 갑의 영업 비밀을 제3자에게 누설하지',
				'아니한다.',
				'Article 4 (Confidentiality) B keeps the trade secrets of A confidential.',
			]),
			...footer(2),
		],
	},
	{
		...A4,
		blocks: [
			heading('제5조 (기타)', 150),
			...paragraph(200, [
				'본 계약에 정하지 아니한 사항은 관련 법령과 상관례에 따른다.',
				'Article 5 (Miscellaneous) Other matters follow the applicable laws.',
			]),
			line('2024년 5월 20일', 360, { x: 'center', font: 'myeongjo', size: 30 }),
			...paragraph(470, ['갑: 견본소프트 주식회사 대표이사 김견본 (인)', '주소: 서울특별시 중구 견본로 12']),
			// The registration number as two words: "900101-" and "1234567".
			...paragraph(610, [
				'을: 홍길동 (인)',
				'주민등록번호: 900101- 1234567',
				'주소: 서울특별시 종로구 견본길 34',
			]),
			...footer(3),
		],
	},
];

/** The template the form matches (the emulator's deployed template 390). */
export const FORM_TEMPLATE = { id: 390, name: '출장 신청서' } as const;

/** A field of the form's template: where its value is read, and what it reads. */
export interface FormField {
	readonly name: string;
	readonly valueType: 'ALL' | 'NUMERIC';
	/** `NORMAL` (text) or `CHECKBOX`. */
	readonly type: 'NORMAL' | 'CHECKBOX';
	/** Where to look for the value's ink (labels and lines left out). */
	readonly search: Box;
	/** The text read: the printed value (a checkbox reads none). */
	readonly text: string;
	readonly checked?: boolean;
	/** Give the field its words as `subFields` (assumed shape: the words of the value). */
	readonly subFields?: boolean;
}

export interface Form extends Page {
	readonly title: { readonly text: string; readonly search: Box };
	readonly fields: readonly FormField[];
	/** Boxes drawn around values (registration number) and checkboxes, 2 px lines. */
	readonly boxes: readonly Box[];
	/** Check marks: polylines inside the checked boxes. */
	readonly checks: ReadonlyArray<readonly (readonly [number, number])[]>;
	/** The form's ruled grid. */
	readonly grid: { readonly columns: readonly number[]; readonly rows: readonly number[] };
}

const FORM_ROWS = [170, 240, 310, 380, 450, 520, 590];
const FORM_COLUMNS = [80, 400, 1160];

/** Inside the value column of grid row `row`, the lines left out. */
function valueCell(row: number): Box {
	return [FORM_COLUMNS[1]! + 4, FORM_ROWS[row]! + 4, FORM_COLUMNS[2]! - 4, FORM_ROWS[row + 1]! - 4];
}

/** The business-trip request form (출장 신청서), A5 landscape at 150 dpi. */
export const FORM: Form = {
	width: 1240,
	height: 874,
	title: { text: '출장 신청서', search: [300, 40, 940, 112] },
	grid: { columns: FORM_COLUMNS, rows: FORM_ROWS },
	boxes: [
		[430, 322, 630, 368],
		[665, 322, 905, 368],
		[430, 542, 456, 568],
		[680, 542, 706, 568],
	],
	checks: [
		[
			[435, 554],
			[442, 562],
			[452, 546],
		],
	],
	blocks: [
		line('출장 신청서', 50, { x: 'center', font: 'myeongjoBold', size: 44 }),
		line('Business trip request', 116, { x: 'center', size: 22, fill: '#333333' }),
		...[
			'성명 Name',
			'부서 Department',
			'주민등록번호 Resident No.',
			'출장 기간 Period',
			'출장지 Destination',
			'신청 사항 Requests',
		].map((label, row) => line(label, FORM_ROWS[row]! + 22, { x: 100, size: 22, fill: GREY })),
		line('홍길동', FORM_ROWS[0]! + 18, { x: 430, size: 26 }),
		line('개발팀', FORM_ROWS[1]! + 18, { x: 430, size: 26 }),
		line('900101', 328, { x: 452, size: 26 }),
		line('-', 328, { x: 640, size: 26 }),
		line('1234567', 328, { x: 687, size: 26 }),
		line('2024.07.01 ~ 2024.07.03', FORM_ROWS[3]! + 18, { x: 430, size: 26 }),
		line('부산광역시 해운대구', FORM_ROWS[4]! + 18, { x: 430, size: 26 }),
		line('숙박 필요', FORM_ROWS[5]! + 20, { x: 468, size: 24 }),
		line('법인카드 사용', FORM_ROWS[5]! + 20, { x: 718, size: 24 }),
		line('위와 같이 출장을 신청합니다.', 640, { x: 'center', size: 24 }),
		line('2024년 6월 20일', 690, { x: 'center', size: 24 }),
		line('신청인 홍길동 (서명)', 750, { x: 760, size: 24 }),
		line('이 신청서는 견본입니다 (synthetic specimen, no real request).', 820, {
			x: 'center',
			size: 18,
			fill: GREY,
		}),
	],
	fields: [
		{ name: '성명', valueType: 'ALL', type: 'NORMAL', search: valueCell(0), text: '홍길동' },
		{ name: '부서', valueType: 'ALL', type: 'NORMAL', search: valueCell(1), text: '개발팀' },
		{
			name: '주민등록번호 앞자리',
			valueType: 'NUMERIC',
			type: 'NORMAL',
			search: [434, 326, 626, 364],
			text: '900101',
		},
		{
			name: '주민등록번호 뒷자리',
			valueType: 'NUMERIC',
			type: 'NORMAL',
			search: [669, 326, 901, 364],
			text: '1234567',
		},
		{
			name: '출장 기간',
			valueType: 'ALL',
			type: 'NORMAL',
			search: valueCell(3),
			text: '2024.07.01 ~ 2024.07.03',
			subFields: true,
		},
		{
			name: '출장지',
			valueType: 'ALL',
			type: 'NORMAL',
			search: valueCell(4),
			text: '부산광역시 해운대구',
		},
		{
			name: '숙박 필요',
			valueType: 'ALL',
			type: 'CHECKBOX',
			search: [426, 538, 460, 572],
			text: '',
			checked: true,
		},
		{
			name: '법인카드 사용',
			valueType: 'ALL',
			type: 'CHECKBOX',
			search: [676, 538, 710, 572],
			text: '',
			checked: false,
		},
	],
};

/** The grid's cell box of a table cell: from its first grid line to the one after its span. */
export function cellGrid(table: Table, cell: TableCell): Box {
	return [
		table.columns[cell.column]!,
		table.rows[cell.row]!,
		table.columns[cell.column + cell.columnSpan]!,
		table.rows[cell.row + cell.rowSpan]!,
	];
}

/** Where a cell's text is drawn: 18 px from its left line, centred vertically. */
export function cellTextOrigin(table: Table, cell: TableCell): { x: number; y: number } {
	const [x0, y0, , y1] = cellGrid(table, cell);
	return { x: x0 + 18, y: Math.round((y0 + y1) / 2 - table.size * 0.62) };
}

function fontPath(font: FontKey): string {
	return `${FONT_DIRECTORY}/${FONTS[font]}`;
}

function annotate(text: TextLine): string[] {
	const gravity = text.x === 'center' ? 'north' : 'northwest';
	const x = text.x === 'center' ? 0 : text.x;
	return [
		'-gravity',
		gravity,
		'-font',
		fontPath(text.font),
		'-pointsize',
		String(text.size),
		'-fill',
		text.fill,
		'-interword-spacing',
		String(Math.round(text.size * 0.5)),
		'-annotate',
		`+${x}+${text.y}`,
		text.text,
	];
}

/** The segments of a table's grid: every cell's four sides (shared sides drawn twice). */
function tableSegments(table: Table): string[] {
	const segments = new Set<string>();
	for (const cell of table.cells) {
		const [x0, y0, x1, y1] = cellGrid(table, cell);
		segments.add(`line ${x0},${y0} ${x1},${y0}`);
		segments.add(`line ${x0},${y1} ${x1},${y1}`);
		segments.add(`line ${x0},${y0} ${x0},${y1}`);
		segments.add(`line ${x1},${y0} ${x1},${y1}`);
	}
	return [...segments];
}

function tableArgs(table: Table): string[] {
	const args: string[] = [];
	const header = table.cells.filter((cell) => cell.row === 0);
	for (const cell of header) {
		const [x0, y0, x1, y1] = cellGrid(table, cell);
		args.push('-stroke', 'none', '-fill', table.headerFill, '-draw', `rectangle ${x0},${y0} ${x1},${y1}`);
	}
	args.push('+antialias', '-fill', 'none', '-stroke', '#333333', '-strokewidth', '2');
	for (const segment of tableSegments(table)) args.push('-draw', segment);
	args.push('-antialias', '-stroke', 'none');
	for (const cell of table.cells) {
		const { x, y } = cellTextOrigin(table, cell);
		args.push(
			...annotate({ text: cell.text, font: cell.font, size: table.size, x, y, fill: INK }),
		);
	}
	return args;
}

/** ImageMagick arguments that draw a page's text and tables on a canvas of its size. */
export function pageArgs(page: Page): string[] {
	const args: string[] = [];
	for (const block of page.blocks) {
		if (block.kind === 'line') args.push(...annotate(block.line));
		else args.push(...tableArgs(block.table));
	}
	return args;
}

/** ImageMagick arguments that draw the form: its grid, boxes, check mark and text. */
export function formArgs(form: Form): string[] {
	const { columns, rows } = form.grid;
	const args = ['+antialias', '-fill', 'none', '-stroke', '#333333', '-strokewidth', '2'];
	const [left, right] = [columns[0]!, columns[columns.length - 1]!];
	for (const y of rows) args.push('-draw', `line ${left},${y} ${right},${y}`);
	const [top, bottom] = [rows[0]!, rows[rows.length - 1]!];
	for (const x of columns) args.push('-draw', `line ${x},${top} ${x},${bottom}`);
	for (const [x0, y0, x1, y1] of form.boxes) args.push('-draw', `rectangle ${x0},${y0} ${x1},${y1}`);
	args.push('-antialias', '-stroke', '#111111', '-strokewidth', '3');
	for (const check of form.checks)
		args.push('-draw', `polyline ${check.map(([x, y]) => `${x},${y}`).join(' ')}`);
	args.push('-stroke', 'none');
	for (const block of form.blocks) if (block.kind === 'line') args.push(...annotate(block.line));
	return args;
}

function main(): void {
	const [document, page] = process.argv.slice(2);
	let args: string[];
	if (document === 'contract') {
		const layout = CONTRACT_PAGES[Number(page) - 1];
		if (layout === undefined) throw new Error('usage: document-layouts.ts contract 1|2|3');
		args = pageArgs(layout);
	} else if (document === 'form') args = formArgs(FORM);
	else throw new Error('usage: document-layouts.ts contract 1|2|3 | form');
	if (args.some((arg) => arg.includes('\n'))) throw new Error('an argument holds a line break');
	process.stdout.write(`${args.join('\n')}\n`);
}

if (require.main === module) main();
