// Wraps a baseline JPEG in a one-page PDF (the image as a DCTDecode XObject, page the size
// of an ID-1 card: 85.6 x 54 mm), with the CLOVA emulator marker as a PDF comment and in
// the document Info. Used by generate.sh because Debian's ImageMagick may not write PDF.
//
//   node tools/samples/make-pdf.mjs in.jpg out.pdf 'CLOVA-EMULATOR:scenario=ic-specimen'
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, marker] = process.argv.slice(2);
if (!input || !output || !marker) {
	console.error('usage: make-pdf.mjs in.jpg out.pdf MARKER');
	process.exit(2);
}
const jpeg = readFileSync(input);
const { width, height, components } = jpegSize(jpeg);

const MM = 72 / 25.4;
const pageW = (85.6 * MM).toFixed(2);
const pageH = (54 * MM).toFixed(2);
const content = `q ${pageW} 0 0 ${pageH} 0 0 cm /Im1 Do Q\n`;
const colorSpace = components === 1 ? '/DeviceGray' : components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
const pdfString = (s) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

const objects = [
	'<< /Type /Catalog /Pages 2 0 R >>',
	'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
	`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageW} ${pageH}] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>`,
	[
		`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace ${colorSpace} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
		jpeg,
		'\nendstream',
	],
	`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}endstream`,
	`<< /Title ${pdfString('Synthetic specimen ID card (SPECIMEN, no real person)')} /Subject ${pdfString(marker)} /Keywords ${pdfString(marker)} /Producer (n8n-nodes-clova-ocr tools/samples/make-pdf.mjs) >>`,
];

const parts = [Buffer.from(`%PDF-1.4\n%\xe2\xe3\xcf\xd3\n%${marker}\n`, 'latin1')];
let length = parts[0].length;
const offsets = [];
objects.forEach((body, i) => {
	offsets.push(length);
	const chunks = [`${i + 1} 0 obj\n`, ...(Array.isArray(body) ? body : [body]), '\nendobj\n'];
	for (const chunk of chunks) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
		parts.push(buffer);
		length += buffer.length;
	}
});
const xref = [
	'xref',
	`0 ${objects.length + 1}`,
	'0000000000 65535 f ',
	...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
	'trailer',
	`<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>`,
	'startxref',
	String(length),
	'%%EOF',
	'',
].join('\n');
parts.push(Buffer.from(xref, 'latin1'));
writeFileSync(output, Buffer.concat(parts));

function jpegSize(buffer) {
	if (buffer[0] !== 0xff || buffer[1] !== 0xd8) throw new Error(`${input} is not a JPEG`);
	let i = 2;
	while (i < buffer.length) {
		if (buffer[i] !== 0xff) throw new Error(`bad JPEG marker at ${i}`);
		const type = buffer[i + 1];
		const size = buffer.readUInt16BE(i + 2);
		if (type >= 0xc0 && type <= 0xcf && type !== 0xc4 && type !== 0xc8 && type !== 0xcc) {
			return { height: buffer.readUInt16BE(i + 5), width: buffer.readUInt16BE(i + 7), components: buffer[i + 9] };
		}
		i += 2 + size;
	}
	throw new Error(`no SOF segment in ${input}`);
}
