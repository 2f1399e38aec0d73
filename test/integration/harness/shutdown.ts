import { Container } from '@n8n/di';
// Not re-exported by n8n-core's index; every node execution context creates it.
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

/** n8n stops its services on exit (this one holds a cleanup interval); a test process must too. */
export function shutdownEngine(): void {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
}
