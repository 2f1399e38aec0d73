/**
 * Parses structured header values such as
 * `multipart/form-data; boundary="a b"` or `form-data; name="file"; filename="x.png"`.
 * Parameter values may be tokens or quoted strings (backslash escapes);
 * `name*=utf-8''...` extended values (RFC 8187) are decoded.
 */

export interface ParsedHeaderValue {
	/** The part before the first `;`, trimmed and lower-cased. */
	value: string;
	/** Parameter names lower-cased; the first occurrence of a name wins. */
	params: Record<string, string>;
}

export function parseHeaderValue(header: string): ParsedHeaderValue {
	const semicolon = header.indexOf(';');
	const value = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
	const params: Record<string, string> = {};
	let index = semicolon === -1 ? header.length : semicolon + 1;

	while (index < header.length) {
		while (index < header.length && /[\s;]/.test(header[index] ?? '')) index++;
		const equals = header.indexOf('=', index);
		if (equals === -1) break;
		const name = header.slice(index, equals).trim().toLowerCase();
		index = equals + 1;
		while (header[index] === ' ' || header[index] === '\t') index++;

		let raw: string;
		if (header[index] === '"') {
			index++;
			raw = '';
			while (index < header.length && header[index] !== '"') {
				if (header[index] === '\\' && index + 1 < header.length) index++;
				raw += header[index];
				index++;
			}
			index++; // closing quote
			const next = header.indexOf(';', index);
			index = next === -1 ? header.length : next + 1;
		} else {
			const next = header.indexOf(';', index);
			raw = header.slice(index, next === -1 ? header.length : next).trim();
			index = next === -1 ? header.length : next + 1;
		}

		if (name.length === 0) continue;
		if (name.endsWith('*')) {
			const decoded = decodeExtendedValue(raw);
			const plainName = name.slice(0, -1);
			if (decoded !== null) params[plainName] = decoded;
		} else if (!(name in params)) {
			params[name] = raw;
		}
	}
	return { value, params };
}

function decodeExtendedValue(raw: string): string | null {
	const match = /^([^']*)'[^']*'(.*)$/.exec(raw);
	if (match === null) return null;
	try {
		return decodeURIComponent(match[2] ?? '');
	} catch {
		return null;
	}
}
