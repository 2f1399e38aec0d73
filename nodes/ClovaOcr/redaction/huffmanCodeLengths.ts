/**
 * Length-limited Huffman code lengths, shared by the JPEG writer (16-bit limit) and deflate
 * (15-bit limit; 7 for the code-length alphabet).
 *
 * It follows JPEG Annex K.2: code sizes from the Huffman merge, the count of codes per length
 * (BITS), and Figure K.3's Adjust_BITS to bring every code down to `maxBits`; symbols are then
 * given lengths in order of falling frequency. With `reserveAllOnes` (JPEG) a dummy symbol of
 * frequency 1 takes part, as K.2's "FREQ(256) = 1", so that no real code is all 1-bits.
 */
export function huffmanCodeLengths(
	freq: ArrayLike<number>,
	maxBits: number,
	reserveAllOnes = false,
): Uint8Array {
	const n = freq.length;
	const lengths = new Uint8Array(n);
	const symbols: number[] = [];
	for (let i = 0; i < n; i++) if (freq[i] > 0) symbols.push(i);
	const reserved = reserveAllOnes ? n : -1;
	if (reserveAllOnes) symbols.push(reserved);
	const f = (s: number): number => (s === reserved ? 1 : freq[s]);
	if (symbols.length === 0) return lengths;
	if (symbols.length === 1) {
		if (symbols[0] !== reserved) lengths[symbols[0]] = 1;
		return lengths;
	}

	// Huffman merge with a binary heap of node indices; node weight / parent arrays.
	const m = symbols.length;
	const weight = new Float64Array(2 * m);
	const parent = new Int32Array(2 * m).fill(-1);
	const heap: number[] = [];
	const less = (a: number, b: number): boolean =>
		weight[a] < weight[b] || (weight[a] === weight[b] && a > b);
	const push = (node: number): void => {
		heap.push(node);
		let i = heap.length - 1;
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (!less(heap[i], heap[p])) break;
			[heap[i], heap[p]] = [heap[p], heap[i]];
			i = p;
		}
	};
	const pop = (): number => {
		const top = heap[0];
		const last = heap.pop() as number;
		if (heap.length > 0) {
			heap[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let s = i;
				if (l < heap.length && less(heap[l], heap[s])) s = l;
				if (r < heap.length && less(heap[r], heap[s])) s = r;
				if (s === i) break;
				[heap[i], heap[s]] = [heap[s], heap[i]];
				i = s;
			}
		}
		return top;
	};
	for (let i = 0; i < m; i++) {
		weight[i] = f(symbols[i]);
		push(i);
	}
	let next = m;
	while (heap.length > 1) {
		const a = pop();
		const b = pop();
		weight[next] = weight[a] + weight[b];
		parent[a] = next;
		parent[b] = next;
		push(next);
		next++;
	}
	// Depth of each leaf.
	const depth = new Int32Array(next);
	for (let node = next - 2; node >= 0; node--) depth[node] = depth[parent[node]] + 1;

	// BITS: number of codes of each length, then Adjust_BITS (Figure K.3).
	let maxLen = 0;
	for (let i = 0; i < m; i++) maxLen = Math.max(maxLen, depth[i]);
	const bits = new Int32Array(Math.max(maxLen, maxBits) + 2);
	for (let i = 0; i < m; i++) bits[depth[i]]++;
	for (let i = maxLen; i > maxBits; i--) {
		while (bits[i] > 0) {
			let j = i - 2;
			while (bits[j] === 0) j--;
			bits[i] -= 2;
			bits[i - 1] += 1;
			bits[j + 1] += 2;
			bits[j] -= 1;
		}
	}

	// Most frequent symbols get the shortest codes; the reserved one sorts last (longest code).
	const order = symbols.slice().sort((a, b) => {
		if (a === reserved) return 1;
		if (b === reserved) return -1;
		return f(b) - f(a) || a - b;
	});
	let k = 0;
	for (let len = 1; len <= maxBits; len++) {
		for (let c = 0; c < bits[len]; c++) {
			const s = order[k++];
			if (s !== reserved) lengths[s] = len;
		}
	}
	return lengths;
}

/** Canonical codes (RFC 1951 3.2.2 / JPEG C.2) for the given lengths; code[i] is MSB-first. */
export function canonicalCodes(lengths: Uint8Array, maxBits: number): Uint32Array {
	const count = new Uint32Array(maxBits + 1);
	for (let i = 0; i < lengths.length; i++) count[lengths[i]]++;
	count[0] = 0;
	const nextCode = new Uint32Array(maxBits + 2);
	let code = 0;
	for (let len = 1; len <= maxBits; len++) {
		code = (code + count[len - 1]) << 1;
		nextCode[len] = code;
	}
	const codes = new Uint32Array(lengths.length);
	for (let i = 0; i < lengths.length; i++) {
		const len = lengths[i];
		if (len) codes[i] = nextCode[len]++;
	}
	return codes;
}
