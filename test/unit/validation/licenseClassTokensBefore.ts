/** How a license's `type` text was split before the linear rewrite: the oracle for short texts. */
export function licenseClassTokensBefore(text: string): string[] {
	const prepared = text
		.replace(/\s+/g, ' ')
		.replace(/([12*]종)\s+/g, '$1')
		.replace(/\s*\(\s*/g, '(')
		.replace(/\s*\)/g, ')');
	const tokens: string[] = [];
	let current = '';
	let depth = 0;
	const flush = () => {
		if (current !== '') tokens.push(current);
		current = '';
	};
	for (let i = 0; i < prepared.length; i++) {
		const char = prepared[i];
		const rest = prepared.slice(i);
		if (char === '(') depth++;
		if (char === ')') depth = Math.max(0, depth - 1);
		if (depth === 0 && /^[\s,·、/]/.test(rest)) {
			flush();
			continue;
		}
		if (depth === 0 && current !== '') {
			const gluedGrade = /^[12*]종/.test(rest);
			const gluedBody = /^(특수|원동기)/.test(rest) && !current.endsWith('종');
			if (gluedGrade || gluedBody) flush();
		}
		if (depth > 0 && /\s/.test(char)) continue;
		current += char;
	}
	flush();
	return tokens;
}
