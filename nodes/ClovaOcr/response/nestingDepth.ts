/**
 * Whether a parsed JSON value nests arrays and objects more than `limit` levels deep (`{}` is
 * one level). Iterative: a value 200,000 levels deep is read without overflowing the stack,
 * and the walk stops at the first container past the limit.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
	const stack: Array<{ node: object; depth: number }> = [];
	if (typeof value === 'object' && value !== null) stack.push({ node: value, depth: 1 });
	while (stack.length > 0) {
		const { node, depth } = stack.pop()!;
		if (depth > limit) return true;
		for (const child of Array.isArray(node) ? node : Object.values(node)) {
			if (typeof child === 'object' && child !== null)
				stack.push({ node: child as object, depth: depth + 1 });
		}
	}
	return false;
}
