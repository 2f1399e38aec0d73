/** Random PDF-like texts for comparing the page count with the regex reading it replaced. */
import fc from 'fast-check';

// Fragments that reach every branch of every step when strung together at random.
const fragment = fc.constantFrom(
	' ',
	'  ',
	'\n',
	'\t',
	'\r\n',
	'\x0b',
	'\x0c',
	'\xa0',
	'\x85',
	'0',
	'1',
	'2',
	'01',
	'9',
	'1234567890',
	'R',
	'Rx',
	'R_',
	'/',
	'<<',
	'>>',
	'[',
	']',
	'x',
	'obj',
	'objx',
	'endobj',
	'/Root',
	'/Pages',
	'/PagesX',
	'/Type',
	'/Page',
	'/Count',
	'/Kids',
	'trailer',
	'1 0 obj',
	'2 0 obj',
	'02 0 obj',
	'12 0 obj',
	'2 00 obj',
	'/Root 1 0 R',
	'/Pages 2 0 R',
	'/Type /Pages',
	'/Type/Pages',
	'/Count 3',
	'/Count 12',
	' 0 R',
	' 3 4 R',
);

export const soup = (maxLength: number): fc.Arbitrary<string> =>
	fc.array(fragment, { maxLength }).map((parts) => parts.join(''));

/** Mostly `usual`, now and then one of the variants. */
const mostly = (usual: string, ...variants: string[]): fc.Arbitrary<string> =>
	fc.oneof(
		{ arbitrary: fc.constant(usual), weight: 12 },
		{ arbitrary: fc.constantFrom(...variants), weight: 1 },
	);

const space = mostly(' ', '', '\n', '  ', '\xa0', '\x85', '\t\r\n');
const generation = mostly('0', '00', '1');

const header = (number: string) =>
	fc
		.tuple(mostly(number, `0${number}`, `1${number}`), space, generation, space)
		.map((parts) => parts.join('') + 'obj');

const reference = (number: string) =>
	fc
		.tuple(space, mostly(number, `0${number}`, '3', '1234567890'), space, generation, space)
		.map((parts) => parts.join('') + 'R');

const count = fc
	.tuple(space, mostly('3', '1', '12', '1234567890', ''), mostly('', ' 0 R', ' 3 4 R', ' 5', '  '))
	.map((parts) => parts.join(''));

/** A catalog, a page tree node and a trailer, each part now and then broken or surrounded by noise. */
export const pdfText: fc.Arbitrary<string> = fc
	.tuple(
		soup(4),
		header('1'),
		reference('2'),
		soup(3),
		header('2'),
		mostly('/Type /Pages', '/Type/Pages', '/Type /Page', '/Type/PagesX', ''),
		count,
		soup(4),
		reference('1'),
		soup(4),
	)
	.map(
		([before, catalog, pages, inCatalog, node, type, n, inNode, root, after]) =>
			`${before}${catalog}<< /Pages${pages}${inCatalog} >>endobj\n` +
			`${node}<< ${type} /Count${n}${inNode} >>endobj\ntrailer << /Root${root} >>${after}`,
	);
