import { classifyNetworkFailure } from '../../../nodes/ClovaOcr/transport/networkFailure';

/** n8n wraps axios errors in a NodeApiError that keeps the code in httpCode and drops the cause. */
const n8nWrapped = (httpCode: string, message: string) =>
	Object.assign(new Error(message), { httpCode });

describe('classifyNetworkFailure', () => {
	test.each<[string, unknown, string, boolean]>([
		[
			'connection reset (n8n)',
			n8nWrapped('ECONNRESET', 'The connection to the server was closed unexpectedly'),
			'transient',
			false,
		],
		[
			'own timeout (n8n)',
			n8nWrapped('ECONNABORTED', 'The connection was aborted, perhaps the server is offline'),
			'transient',
			true,
		],
		['ETIMEDOUT code', Object.assign(new Error('x'), { code: 'ETIMEDOUT' }), 'transient', true],
		[
			'axios timeout, in a cause',
			new Error('wrapped', {
				cause: Object.assign(new Error('timeout of 300ms exceeded'), { code: 'ECONNABORTED' }),
			}),
			'transient',
			true,
		],
		['body cut short', new Error('stream has been aborted'), 'transient', false],
		['socket hang up', new Error('socket hang up'), 'transient', false],
		['DNS hiccup', Object.assign(new Error('x'), { code: 'EAI_AGAIN' }), 'transient', false],
		[
			'refused: nothing listens there',
			n8nWrapped('ECONNREFUSED', 'The service refused the connection - perhaps it is offline'),
			'permanent',
			false,
		],
		[
			'unknown host',
			n8nWrapped('ENOTFOUND', 'The connection cannot be established'),
			'permanent',
			false,
		],
		[
			'execution cancelled',
			Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' }),
			'permanent',
			false,
		],
		[
			'certificate',
			Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
			'permanent',
			false,
		],
		['not an error', 'boom', 'permanent', false],
	])('%s', (_case, error, kind, timedOut) => {
		expect(classifyNetworkFailure(error)).toEqual({ kind, timedOut });
	});
});
