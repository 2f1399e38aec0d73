const SEPARATOR = /^[\s,·、/]$/;
const WHITESPACE = /^\s$/;

function isGrade(char: string): boolean {
	return char === '1' || char === '2' || char === '*';
}

/**
 * Splits a license's `type` text on whitespace and commas outside parentheses, and before a
 * glued `1종`/`2종`/`특수`/`원동기`. One pass over the text: whitespace is a single space
 * after the first replace, so no later step can scan a run of it more than once.
 */
export function licenseClassTokens(text: string): string[] {
	const prepared = text
		.replace(/\s+/g, ' ')
		.replace(/([12*]종) /g, '$1')
		.replace(/ ?\( ?/g, '(')
		.replace(/ \)/g, ')');
	const tokens: string[] = [];
	let current = '';
	let depth = 0;
	const flush = () => {
		if (current !== '') tokens.push(current);
		current = '';
	};
	for (let i = 0; i < prepared.length; i++) {
		const char = prepared[i];
		if (char === '(') depth++;
		if (char === ')') depth = Math.max(0, depth - 1);
		if (depth === 0 && SEPARATOR.test(char)) {
			flush();
			continue;
		}
		if (depth === 0 && current !== '') {
			const gluedGrade = isGrade(char) && prepared[i + 1] === '종';
			const gluedBody =
				(prepared.startsWith('특수', i) || prepared.startsWith('원동기', i)) &&
				!current.endsWith('종');
			if (gluedGrade || gluedBody) flush();
		}
		if (depth > 0 && WHITESPACE.test(char)) continue;
		current += char;
	}
	flush();
	return tokens;
}
