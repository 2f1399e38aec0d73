/**
 * Host names that can never be public, decided from the name alone (no DNS): the node refuses
 * them on every n8n line, since n8n 1.x has no egress filter that would resolve them.
 */

/** Suffixes kept for private networks, each with what it is. */
const INTERNAL_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
	// .cluster.local before .local: the more specific one is named.
	['.cluster.local', 'of Kubernetes cluster names'],
	['.svc', 'of Kubernetes service names'],
	['.internal', 'reserved for private networks, where cloud metadata services answer'],
	['.local', 'reserved for multicast DNS on the local link'],
	['.localdomain', "of a machine's own domain"],
	['.home.arpa', 'reserved for home networks'],
	['.lan', 'of local networks'],
];

/**
 * Why `name` (lower case, trailing dots removed, not an IP address) is internal, or undefined.
 * A name of one label (`metadata`, `instance-data`) is resolved through the machine's search
 * domains or hosts file, never the public DNS; the suffixes cover `metadata.google.internal`
 * and `host.docker.internal`.
 */
export function internalNameRule(name: string): string | undefined {
	const suffix = INTERNAL_SUFFIXES.find(([ending]) => name.endsWith(ending));
	if (suffix) return `an internal host name (the ${suffix[0]} suffix, ${suffix[1]})`;
	if (!name.includes('.'))
		return 'an internal host name (a single label, which only the local network resolves)';
	return undefined;
}
