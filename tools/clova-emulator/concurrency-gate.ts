/** Counts requests in flight per domain and refuses one over the cap. */

export class ConcurrencyGate {
	private readonly perDomain = new Map<string, number>();
	private total = 0;

	/** Admits a request unless `cap` are already in flight for the domain; returns a release function or null. */
	tryEnter(domain: string, cap: number | null): (() => void) | null {
		const current = this.perDomain.get(domain) ?? 0;
		if (cap !== null && current >= cap) return null;
		this.perDomain.set(domain, current + 1);
		this.total++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.perDomain.set(domain, (this.perDomain.get(domain) ?? 1) - 1);
			this.total--;
		};
	}

	get inFlight(): number {
		return this.total;
	}
}
