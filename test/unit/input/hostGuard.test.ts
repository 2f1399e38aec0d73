import { parseIpv4, parseIpv6, refusedHostRule } from '../../../nodes/ClovaOcr/input/hostGuard';

/** The host as the node sees it: `new URL()` normalizes first, the guard checks the result. */
const hostOf = (host: string) => new URL(`http://${host}/image.jpg`).hostname;

const LOOPBACK = 'a loopback address (127.0.0.0/8)';
const PRIVATE = 'a private network address (RFC 1918)';
const LINK_LOCAL = 'a link-local address (169.254.0.0/16, where cloud metadata services answer)';
const RESERVED = 'a reserved address (special-purpose, RFC 6890)';

describe('refusedHostRule: IPv4 literals, in every form a URL parser reads', () => {
	test.each([
		['127.0.0.1', LOOPBACK],
		['127.255.255.254', LOOPBACK],
		['127.1', LOOPBACK],
		['2130706433', LOOPBACK],
		['0x7f000001', LOOPBACK],
		['0x7f.1', LOOPBACK],
		['0177.0.0.1', LOOPBACK],
		['017700000001', LOOPBACK],
		['127.0.0.1.', LOOPBACK],
		['%31%32%37.0.0.1', LOOPBACK],
		['127\u30020\u30020\u30021', LOOPBACK],
		['10.0.0.1', PRIVATE],
		['10.255.255.255', PRIVATE],
		['172.16.0.1', PRIVATE],
		['172.31.255.255', PRIVATE],
		['192.168.0.1', PRIVATE],
		['192.168.1', PRIVATE],
		['0300.0250.1.1', PRIVATE],
		['0xc0a80101', PRIVATE],
		['3232235777', PRIVATE],
		['169.254.169.254', LINK_LOCAL],
		['0xa9fea9fe', LINK_LOCAL],
		['2852039166', LINK_LOCAL],
		['169.254.0.1', LINK_LOCAL],
		['100.64.0.1', 'a shared address (carrier-grade NAT, 100.64.0.0/10)'],
		['100.127.255.255', 'a shared address (carrier-grade NAT, 100.64.0.0/10)'],
		['0.0.0.0', 'an unspecified address (0.0.0.0/8)'],
		['0', 'an unspecified address (0.0.0.0/8)'],
		['0.1.2.3', 'an unspecified address (0.0.0.0/8)'],
		['224.0.0.1', 'a multicast address'],
		['239.255.255.250', 'a multicast address'],
		['240.0.0.1', 'a reserved or broadcast address (240.0.0.0/4)'],
		['255.255.255.255', 'a reserved or broadcast address (240.0.0.0/4)'],
		['192.0.0.8', RESERVED],
		['192.0.2.1', RESERVED],
		['198.18.0.1', RESERVED],
		['198.19.255.255', RESERVED],
		['198.51.100.7', RESERVED],
		['203.0.113.9', RESERVED],
		['192.88.99.1', RESERVED],
	])('%s is refused as %s', (host, rule) => {
		expect(refusedHostRule(hostOf(host))).toBe(rule);
		// The node's own parser is the floor: the raw text gives the same verdict where it is an address.
		if (!/[%\u3002]/.test(host)) expect(refusedHostRule(host)).toBe(rule);
	});

	test.each([
		'1.1.1.1',
		'8.8.8.8',
		'93.184.216.34',
		'100.63.255.255',
		'100.128.0.0',
		'172.15.255.255',
		'172.32.0.0',
		'192.167.255.255',
		'192.169.0.0',
		'169.253.255.255',
		'223.255.255.255',
		'198.17.255.255',
		'198.20.0.0',
		'11.0.0.1',
		'126.255.255.255',
		'128.0.0.1',
	])('public %s is allowed', (host) => {
		expect(refusedHostRule(hostOf(host))).toBeUndefined();
		expect(refusedHostRule(host)).toBeUndefined();
	});
});

describe('refusedHostRule: IPv6 literals', () => {
	test.each([
		['[::1]', 'a loopback address (::1)'],
		['[0:0:0:0:0:0:0:1]', 'a loopback address (::1)'],
		['[::]', 'an unspecified address (::)'],
		['[fe80::1]', 'a link-local address (fe80::/10)'],
		['[febf:ffff::1]', 'a link-local address (fe80::/10)'],
		['[fec0::1]', 'a site-local address (fec0::/10, deprecated)'],
		['[fc00::1]', 'a unique-local address (fc00::/7)'],
		['[fd12:3456:789a::1]', 'a unique-local address (fc00::/7)'],
		['[ff02::1]', 'a multicast address'],
		['[::ffff:127.0.0.1]', `${LOOPBACK}, written as an IPv4-mapped IPv6 address`],
		['[::ffff:7f00:1]', `${LOOPBACK}, written as an IPv4-mapped IPv6 address`],
		['[0:0:0:0:0:ffff:a9fe:a9fe]', `${LINK_LOCAL}, written as an IPv4-mapped IPv6 address`],
		['[::ffff:10.0.0.1]', `${PRIVATE}, written as an IPv4-mapped IPv6 address`],
		['[::ffff:8.8.8.8]', 'an IPv4-mapped IPv6 address'],
		['[::127.0.0.1]', `${LOOPBACK}, written as an IPv4-compatible IPv6 address`],
		['[::8.8.8.8]', 'an IPv4-compatible IPv6 address (deprecated)'],
		['[::ffff:0:127.0.0.1]', `${LOOPBACK}, written as an IPv4-translated IPv6 address`],
		['[64:ff9b::127.0.0.1]', `${LOOPBACK}, written as a NAT64 address (64:ff9b::/96)`],
		['[64:ff9b::a9fe:a9fe]', `${LINK_LOCAL}, written as a NAT64 address (64:ff9b::/96)`],
		['[64:ff9b:1::1]', 'a local-use NAT64 address (64:ff9b:1::/48)'],
		['[2002:7f00:1::]', `${LOOPBACK}, written as a 6to4 address (2002::/16)`],
		['[2002:c0a8:101::1]', `${PRIVATE}, written as a 6to4 address (2002::/16)`],
		['[2001:0:4136:e378:8000:63bf:3fff:fdd2]', 'a Teredo tunnel address (2001::/32)'],
		['[2001:db8::1]', 'a documentation address (2001:db8::/32)'],
		['[100::1]', 'a discard-only address (100::/64)'],
		// whole ranges, public tail or not (n8n 3.x blocks them too)
		['[64:ff9b::808:808]', 'a NAT64 address (64:ff9b::/96)'],
		['[2002:808:808::1]', 'a 6to4 address (2002::/16)'],
	])('%s is refused as %s', (host, rule) => {
		expect(refusedHostRule(hostOf(host))).toBe(rule);
		expect(refusedHostRule(host)).toBe(rule);
	});

	test.each(['[2606:4700:4700::1111]', '[2001:4860:4860::8888]'])(
		'public %s is allowed',
		(host) => {
			expect(refusedHostRule(hostOf(host))).toBeUndefined();
		},
	);

	test('an IPv6 text that cannot be read is refused, not passed', () => {
		expect(refusedHostRule('[fe80::1%eth0]')).toBe('an IPv6 address that cannot be read');
		expect(refusedHostRule('[1:2:3:4:5:6:7:8:9]')).toBe('an IPv6 address that cannot be read');
		expect(refusedHostRule('[::1::]')).toBe('an IPv6 address that cannot be read');
	});
});

describe('refusedHostRule: names', () => {
	test.each([
		'localhost',
		'LOCALHOST',
		'localhost.',
		'localhost..',
		'app.localhost',
		'a.b.localhost.',
		'localhost.localdomain',
		'ip6-localhost',
		'ip6-loopback',
	])('%s is refused as a localhost name', (host) => {
		expect(refusedHostRule(hostOf(host))).toBe('a localhost name');
	});

	test.each([
		'example.com',
		'images.example.co.kr',
		'localhost.example.com',
		'123.example.com',
		'internal.example.com',
		'local.example.com',
		'svc.example.com',
		'lan.example.com',
		'example.localhost.com',
		'files.internal-cdn.com',
		'example.arpa',
		'xn--9n2bp8q.xn--3e0b707e',
	])('%s is allowed (public DNS names are resolved by n8n 2.40+ only)', (host) => {
		expect(refusedHostRule(hostOf(host))).toBeUndefined();
	});

	const internal = (why: string) => `an internal host name (${why})`;
	const SINGLE = internal('a single label, which only the local network resolves');
	const INTERNAL = internal(
		'the .internal suffix, reserved for private networks, where cloud metadata services answer',
	);
	test.each([
		// The names the issue saw fetched on n8n 1.x.
		['metadata.google.internal', INTERNAL],
		['METADATA.GOOGLE.INTERNAL.', INTERNAL],
		['instance-data', SINGLE],
		['instance-data.', SINGLE],
		['metadata', SINGLE],
		['host.docker.internal', INTERNAL],
		['instance-data.ec2.internal', INTERNAL],
		['ip-10-0-0-1.ap-northeast-2.compute.internal', INTERNAL],
		['kubernetes.default.svc', internal('the .svc suffix, of Kubernetes service names')],
		[
			'kubernetes.default.svc.cluster.local',
			internal('the .cluster.local suffix, of Kubernetes cluster names'),
		],
		['printer.local', internal('the .local suffix, reserved for multicast DNS on the local link')],
		['nas.localdomain', internal("the .localdomain suffix, of a machine's own domain")],
		['router.home.arpa', internal('the .home.arpa suffix, reserved for home networks')],
		['files.lan', internal('the .lan suffix, of local networks')],
		['mylocalhost', SINGLE],
		['intranet', SINGLE],
		['db-7', SINGLE],
		['internal', SINGLE],
		['local', SINGLE],
	])('%s is refused as %s', (host, rule) => {
		expect(refusedHostRule(hostOf(host))).toBe(rule);
		expect(refusedHostRule(host)).toBe(rule);
	});

	test('localhost keeps its own rule', () => {
		expect(refusedHostRule('localhost')).toBe('a localhost name');
		expect(refusedHostRule('localhost.localdomain')).toBe('a localhost name');
	});

	test('a host whose last label is a number but no address is refused', () => {
		expect(refusedHostRule('1.2.3.256')).toBe('an IPv4 address that cannot be read');
		expect(refusedHostRule('example.08')).toBe('an IPv4 address that cannot be read');
		expect(refusedHostRule('1..2')).toBe('an IPv4 address that cannot be read');
		expect(() => hostOf('1.2.3.256')).toThrow();
	});
});

describe('the address parsers', () => {
	test.each([
		['127.0.0.1', 0x7f000001],
		['127.1', 0x7f000001],
		['127.0.1', 0x7f000001],
		['0x7f.0x0.0x0.0x1', 0x7f000001],
		['0x', 0],
		['4294967295', 0xffffffff],
	])('parseIpv4(%s)', (text, value) => expect(parseIpv4(text)).toBe(value));

	test.each(['4294967296', '256.0.0.1', '1.2.3.4.5', '1.256.0.0x1000000', 'abc', '08'])(
		'parseIpv4(%s) is not an address',
		(text) => expect(parseIpv4(text)).toBeUndefined(),
	);

	test('parseIpv6 expands :: and a dotted tail', () => {
		expect(parseIpv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
		expect(parseIpv6('1::')).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
		expect(parseIpv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(parseIpv6('1:2:3:4:5:6:7::8')).toBeUndefined();
		expect(parseIpv6('1:2:3')).toBeUndefined();
		expect(parseIpv6('::1.2.3.256')).toBeUndefined();
	});
});
