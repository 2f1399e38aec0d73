/**
 * Which hosts an Image URL may not point at, decided from the host text alone
 * (no DNS: a node may not use Node's resolver). `new URL()` already rewrites the
 * short, decimal, hex and octal IPv4 forms to dotted decimal; the parsers here
 * read those forms again so the check holds for any host text it is given.
 */

import { internalNameRule } from './internalNames';

interface Ipv4Range {
	base: number;
	bits: number;
	rule: string;
}

const LOOPBACK = 'a loopback address (127.0.0.0/8)';
const PRIVATE = 'a private network address (RFC 1918)';
const LINK_LOCAL = 'a link-local address (169.254.0.0/16, where cloud metadata services answer)';
const SHARED = 'a shared address (carrier-grade NAT, 100.64.0.0/10)';
const UNSPECIFIED = 'an unspecified address (0.0.0.0/8)';
const MULTICAST = 'a multicast address';
const RESERVED = 'a reserved address (special-purpose, RFC 6890)';
const BROADCAST = 'a reserved or broadcast address (240.0.0.0/4)';

function ipv4(text: string): number {
	return text.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

const IPV4_RANGES: Ipv4Range[] = [
	{ base: ipv4('0.0.0.0'), bits: 8, rule: UNSPECIFIED },
	{ base: ipv4('10.0.0.0'), bits: 8, rule: PRIVATE },
	{ base: ipv4('100.64.0.0'), bits: 10, rule: SHARED },
	{ base: ipv4('127.0.0.0'), bits: 8, rule: LOOPBACK },
	{ base: ipv4('169.254.0.0'), bits: 16, rule: LINK_LOCAL },
	{ base: ipv4('172.16.0.0'), bits: 12, rule: PRIVATE },
	{ base: ipv4('192.0.0.0'), bits: 24, rule: RESERVED },
	{ base: ipv4('192.0.2.0'), bits: 24, rule: RESERVED },
	{ base: ipv4('192.88.99.0'), bits: 24, rule: RESERVED },
	{ base: ipv4('192.168.0.0'), bits: 16, rule: PRIVATE },
	{ base: ipv4('198.18.0.0'), bits: 15, rule: RESERVED },
	{ base: ipv4('198.51.100.0'), bits: 24, rule: RESERVED },
	{ base: ipv4('203.0.113.0'), bits: 24, rule: RESERVED },
	{ base: ipv4('224.0.0.0'), bits: 4, rule: MULTICAST },
	{ base: ipv4('240.0.0.0'), bits: 4, rule: BROADCAST },
];

function inRange(address: number, { base, bits }: Ipv4Range): boolean {
	const size = 2 ** (32 - bits);
	return Math.floor(address / size) === Math.floor(base / size);
}

function ipv4Rule(address: number): string | undefined {
	return IPV4_RANGES.find((range) => inRange(address, range))?.rule;
}

/** One part of an IPv4 host as `inet_aton` reads it: 0x.. hex, 0.. octal, else decimal. */
function ipv4Part(part: string): number | undefined {
	if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
	if (/^0[0-7]*$/.test(part)) return parseInt(part, 8);
	if (/^[1-9][0-9]*$/.test(part)) return Number(part);
	return undefined;
}

/** The address of an IPv4 host in any of its forms (127.0.0.1, 127.1, 2130706433, 0x7f.1, 0177.0.0.1), or undefined. */
export function parseIpv4(host: string): number | undefined {
	const parts = host.replace(/\.$/, '').split('.');
	if (parts.length > 4) return undefined;
	const numbers = parts.map(ipv4Part);
	if (numbers.some((n) => n === undefined || !Number.isFinite(n))) return undefined;
	const values = numbers as number[];
	const last = values[values.length - 1];
	const leading = values.slice(0, -1);
	if (leading.some((n) => n > 255) || last >= 256 ** (5 - values.length)) return undefined;
	return leading.reduce((sum, n, i) => sum + n * 256 ** (3 - i), 0) + last;
}

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail allowed), or undefined. */
export function parseIpv6(text: string): number[] | undefined {
	const halves = text.toLowerCase().split('::');
	if (halves.length > 2) return undefined;
	const groupsOf = (half: string): number[] | undefined => {
		if (half === '') return [];
		const groups: number[] = [];
		const pieces = half.split(':');
		for (const [i, piece] of pieces.entries()) {
			if (i === pieces.length - 1 && piece.includes('.')) {
				if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(piece)) return undefined;
				const octets = piece.split('.').map(Number);
				if (octets.some((n) => n > 255)) return undefined;
				groups.push(octets[0] * 256 + octets[1], octets[2] * 256 + octets[3]);
			} else if (/^[0-9a-f]{1,4}$/.test(piece)) {
				groups.push(parseInt(piece, 16));
			} else {
				return undefined;
			}
		}
		return groups;
	};
	const head = groupsOf(halves[0]);
	const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
	if (!head || !tail) return undefined;
	if (halves.length === 1) return head.length === 8 ? head : undefined;
	const missing = 8 - head.length - tail.length;
	return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : undefined;
}

function embeddedIpv4(high: number, low: number): number {
	return high * 65536 + low;
}

/** Prefix match on the first groups, `bits` long. */
function hasPrefix(groups: number[], prefix: number[], bits: number): boolean {
	for (let i = 0; i * 16 < bits; i++) {
		const take = Math.min(16, bits - i * 16);
		const shift = 16 - take;
		if (groups[i] >> shift !== prefix[i] >> shift) return false;
	}
	return true;
}

function ipv6Rule(groups: number[]): string | undefined {
	const allZeroBefore = (n: number) => groups.slice(0, n).every((g) => g === 0);
	if (allZeroBefore(8)) return 'an unspecified address (::)';
	if (allZeroBefore(7) && groups[7] === 1) return 'a loopback address (::1)';
	const v4Tail = embeddedIpv4(groups[6], groups[7]);
	const written = (form: string) => (rule: string | undefined) =>
		rule ? `${rule}, written as ${form}` : undefined;
	// ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::ffff:0:a.b.c.d (translated)
	if (allZeroBefore(5) && groups[5] === 0xffff)
		return (
			written('an IPv4-mapped IPv6 address')(ipv4Rule(v4Tail)) ?? 'an IPv4-mapped IPv6 address'
		);
	if (allZeroBefore(6))
		return (
			written('an IPv4-compatible IPv6 address')(ipv4Rule(v4Tail)) ??
			'an IPv4-compatible IPv6 address (deprecated)'
		);
	if (allZeroBefore(4) && groups[4] === 0xffff && groups[5] === 0)
		return written('an IPv4-translated IPv6 address')(ipv4Rule(v4Tail)) ?? RESERVED;
	if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0))
		// the whole range, as n8n 3.x's block list: a translator may reach what the tail does not say
		return (
			written('a NAT64 address (64:ff9b::/96)')(ipv4Rule(v4Tail)) ??
			'a NAT64 address (64:ff9b::/96)'
		);
	if (hasPrefix(groups, [0x64, 0xff9b, 1], 48)) return 'a local-use NAT64 address (64:ff9b:1::/48)';
	if (hasPrefix(groups, [0x2002], 16))
		return (
			written('a 6to4 address (2002::/16)')(ipv4Rule(embeddedIpv4(groups[1], groups[2]))) ??
			'a 6to4 address (2002::/16)'
		);
	if (hasPrefix(groups, [0x2001, 0], 32)) return 'a Teredo tunnel address (2001::/32)';
	if (hasPrefix(groups, [0x2001, 0xdb8], 32)) return 'a documentation address (2001:db8::/32)';
	if (hasPrefix(groups, [0x100, 0, 0, 0], 64)) return 'a discard-only address (100::/64)';
	if (hasPrefix(groups, [0xfe80], 10)) return 'a link-local address (fe80::/10)';
	if (hasPrefix(groups, [0xfec0], 10)) return 'a site-local address (fec0::/10, deprecated)';
	if (hasPrefix(groups, [0xfc00], 7)) return 'a unique-local address (fc00::/7)';
	if (hasPrefix(groups, [0xff00], 8)) return MULTICAST;
	return undefined;
}

const LOCAL_NAMES = new Set([
	'localhost',
	'localhost.localdomain',
	'ip6-localhost',
	'ip6-loopback',
]);

/**
 * Why a URL's host may not be fetched without "Allow Private Network URLs",
 * or undefined when nothing in the host text itself forbids it. `hostname` is
 * `URL.hostname` (IPv6 in brackets).
 */
export function refusedHostRule(hostname: string): string | undefined {
	const host = hostname.toLowerCase();
	if (host.startsWith('[') || host.includes(':')) {
		const groups = parseIpv6(host.replace(/^\[|\]$/g, ''));
		return groups ? ipv6Rule(groups) : 'an IPv6 address that cannot be read';
	}
	const name = host.replace(/(?<!\.)\.+$/, '');
	if (name === '') return 'an empty host name';
	if (LOCAL_NAMES.has(name) || name.endsWith('.localhost')) return 'a localhost name';
	const address = parseIpv4(name);
	if (address !== undefined) return ipv4Rule(address);
	// A last label of digits (or 0x...) makes the host an IPv4 address to URL parsers: fail closed.
	const lastLabel = name.split('.').pop() ?? '';
	if (/^(0x[0-9a-f]*|[0-9]+)$/i.test(lastLabel)) return 'an IPv4 address that cannot be read';
	return internalNameRule(name);
}
