/**
 * A scripted stand-in for an OpenAI-compatible chat model (dev tooling, never shipped): a real
 * `node:http` server on 127.0.0.1 that serves
 *
 * - `POST /v1/chat/completions`, as JSON or, when the request says `stream: true`, as
 *   server-sent chunks ending with `data: [DONE]` (tool calls arrive as `tool_calls` deltas:
 *   id and name first, then the arguments in two pieces);
 * - `GET /v1/models`, a list holding the one model name.
 *
 * Each chat request takes the next turn of the script: a set of tool calls or a final text.
 * Every request is recorded (method, path, headers, raw and parsed body), so a test can assert
 * what the model was given: the tool definitions, the tool results, the whole conversation.
 * A request past the end of the script is answered 400 (OpenAI's error shape; clients do not
 * retry a 400) and recorded too, so an unexpected extra call fails the test that made it.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedToolCall {
	readonly name: string;
	/** sent as the JSON text of this object */
	readonly arguments: Readonly<Record<string, unknown>>;
	/** default `call_<turn>_<index>` (both from 1) */
	readonly id?: string;
}

export type ScriptTurn =
	| { readonly toolCalls: readonly ScriptedToolCall[] }
	| { readonly text: string };

export interface ChatMessage {
	readonly role: string;
	readonly content?: unknown;
	readonly tool_calls?: ReadonlyArray<{
		readonly id: string;
		readonly type: string;
		readonly function: { readonly name: string; readonly arguments: string };
	}>;
	readonly tool_call_id?: string;
	readonly [key: string]: unknown;
}

export interface ToolDefinition {
	readonly type: string;
	readonly function: {
		readonly name: string;
		readonly description?: string;
		readonly parameters?: unknown;
		readonly [key: string]: unknown;
	};
}

/** The parts of a chat completion request the tests read; the rest stays in `body`. */
export interface ChatRequestBody {
	readonly model?: string;
	readonly messages: readonly ChatMessage[];
	readonly tools?: readonly ToolDefinition[];
	readonly stream?: boolean;
	readonly [key: string]: unknown;
}

export interface RecordedModelRequest {
	readonly method: string;
	/** path and query, as received */
	readonly path: string;
	/** names lower-cased */
	readonly headers: IncomingHttpHeaders;
	readonly rawBody: string;
	/** the parsed JSON body, or undefined (no body, or not JSON) */
	readonly body: unknown;
	/** the script turn this request was answered with (from 1), or null (not a chat request, refused, or past the script) */
	readonly turn: number | null;
	/** HTTP status sent */
	readonly status: number;
	/** whether the answer was streamed (server-sent events) */
	readonly streamed: boolean;
}

export interface FakeModelOptions {
	readonly script?: readonly ScriptTurn[];
	/** the one model `GET /v1/models` lists (requests may name any model) */
	readonly model?: string;
	/** when set, requests must carry `Authorization: Bearer <apiKey>` (else 401) */
	readonly apiKey?: string;
}

export interface FakeModel {
	/** `http://127.0.0.1:PORT/v1`, what an OpenAI client takes as its base URL */
	readonly baseUrl: string;
	/** every request, in arrival order */
	readonly requests: readonly RecordedModelRequest[];
	/** the bodies of the chat completion requests that were answered from the script, in order */
	chatRequests(): ChatRequestBody[];
	/** replaces the script and starts it from its first turn; the recorded requests stay */
	setScript(script: readonly ScriptTurn[]): void;
	/** turns of the script not used yet */
	remainingTurns(): number;
	/** forgets the recorded requests */
	clearRequests(): void;
	close(): Promise<void>;
}

const CHAT_PATH = '/v1/chat/completions';
const MODELS_PATH = '/v1/models';
/** A fixed `created`, so answers do not depend on the clock. */
const CREATED = 1_700_000_000;
const USAGE = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

interface Answer {
	readonly status: number;
	readonly json?: unknown;
	/** server-sent event data lines, `[DONE]` included */
	readonly events?: readonly string[];
}

function openAiError(status: number, message: string, type: string, code: string): Answer {
	return { status, json: { error: { message, type, param: null, code } } };
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function parseJson(text: string): unknown {
	if (text === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function isChatRequestBody(body: unknown): body is ChatRequestBody {
	return (
		typeof body === 'object' &&
		body !== null &&
		Array.isArray((body as { messages?: unknown }).messages)
	);
}

interface ResolvedToolCall {
	readonly id: string;
	readonly name: string;
	readonly arguments: string;
}

function resolveToolCalls(turn: number, calls: readonly ScriptedToolCall[]): ResolvedToolCall[] {
	return calls.map((call, index) => ({
		id: call.id ?? `call_${turn}_${index + 1}`,
		name: call.name,
		arguments: JSON.stringify(call.arguments),
	}));
}

/** The non-streaming answer: one `chat.completion` object. */
function completion(turnNumber: number, turn: ScriptTurn, model: string): unknown {
	const message =
		'text' in turn
			? { role: 'assistant', content: turn.text, refusal: null }
			: {
					role: 'assistant',
					content: null,
					refusal: null,
					tool_calls: resolveToolCalls(turnNumber, turn.toolCalls).map((call) => ({
						id: call.id,
						type: 'function',
						function: { name: call.name, arguments: call.arguments },
					})),
				};
	return {
		id: `chatcmpl-fake-${turnNumber}`,
		object: 'chat.completion',
		created: CREATED,
		model,
		choices: [
			{
				index: 0,
				message,
				logprobs: null,
				finish_reason: 'text' in turn ? 'stop' : 'tool_calls',
			},
		],
		usage: USAGE,
	};
}

/** Splits text in two halves (a client must join the pieces); text too short to split stays whole. */
function pieces(text: string): string[] {
	if (text.length < 2) return [text];
	const middle = Math.floor(text.length / 2);
	return [text.slice(0, middle), text.slice(middle)];
}

/** The streaming answer: `chat.completion.chunk` events, as OpenAI sends them. */
function chunks(
	turnNumber: number,
	turn: ScriptTurn,
	model: string,
	includeUsage: boolean,
): string[] {
	const chunk = (delta: unknown, finishReason: string | null, usage?: unknown): string =>
		JSON.stringify({
			id: `chatcmpl-fake-${turnNumber}`,
			object: 'chat.completion.chunk',
			created: CREATED,
			model,
			choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
			...(usage === undefined ? {} : { usage }),
		});
	const events: string[] = [];
	if ('text' in turn) {
		events.push(chunk({ role: 'assistant', content: '', refusal: null }, null));
		for (const piece of pieces(turn.text)) events.push(chunk({ content: piece }, null));
		events.push(chunk({}, 'stop'));
	} else {
		events.push(chunk({ role: 'assistant', content: null, refusal: null }, null));
		resolveToolCalls(turnNumber, turn.toolCalls).forEach((call, index) => {
			events.push(
				chunk(
					{
						tool_calls: [
							{
								index,
								id: call.id,
								type: 'function',
								function: { name: call.name, arguments: '' },
							},
						],
					},
					null,
				),
			);
			for (const piece of pieces(call.arguments)) {
				events.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, null));
			}
		});
		events.push(chunk({}, 'tool_calls'));
	}
	if (includeUsage) {
		events.push(
			JSON.stringify({
				id: `chatcmpl-fake-${turnNumber}`,
				object: 'chat.completion.chunk',
				created: CREATED,
				model,
				choices: [],
				usage: USAGE,
			}),
		);
	}
	events.push('[DONE]');
	return events;
}

export async function startFakeModel(options: FakeModelOptions = {}): Promise<FakeModel> {
	const modelName = options.model ?? 'fake-model';
	let script: readonly ScriptTurn[] = options.script ?? [];
	let next = 0;
	const requests: RecordedModelRequest[] = [];

	const answerChat = (body: unknown): { answer: Answer; turn: number | null } => {
		if (!isChatRequestBody(body)) {
			return {
				answer: openAiError(
					400,
					'The body must be a JSON object with a messages array.',
					'invalid_request_error',
					'invalid_body',
				),
				turn: null,
			};
		}
		if (next >= script.length) {
			return {
				answer: openAiError(
					400,
					`The fake model's script has ${script.length} turn(s), all used: this request is one more than the test expected.`,
					'invalid_request_error',
					'script_exhausted',
				),
				turn: null,
			};
		}
		const turnNumber = next + 1;
		const turn = script[next];
		next += 1;
		const model = typeof body.model === 'string' ? body.model : modelName;
		if (body.stream === true) {
			const includeUsage =
				(body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
			return {
				answer: { status: 200, events: chunks(turnNumber, turn, model, includeUsage) },
				turn: turnNumber,
			};
		}
		return { answer: { status: 200, json: completion(turnNumber, turn, model) }, turn: turnNumber };
	};

	const route = (
		method: string,
		pathname: string,
		headers: IncomingHttpHeaders,
		body: unknown,
	): { answer: Answer; turn: number | null } => {
		if (options.apiKey !== undefined && headers.authorization !== `Bearer ${options.apiKey}`) {
			return {
				answer: openAiError(
					401,
					'Incorrect API key provided.',
					'invalid_request_error',
					'invalid_api_key',
				),
				turn: null,
			};
		}
		if (method === 'POST' && pathname === CHAT_PATH) return answerChat(body);
		if (method === 'GET' && pathname === MODELS_PATH) {
			return {
				answer: {
					status: 200,
					json: {
						object: 'list',
						data: [{ id: modelName, object: 'model', created: CREATED, owned_by: 'fake-model' }],
					},
				},
				turn: null,
			};
		}
		return {
			answer: openAiError(
				404,
				`The fake model serves POST ${CHAT_PATH} and GET ${MODELS_PATH}, not ${method} ${pathname}.`,
				'invalid_request_error',
				'unknown_url',
			),
			turn: null,
		};
	};

	const server = createServer((request, response) => {
		void (async () => {
			const rawBody = await readBody(request);
			const body = parseJson(rawBody);
			const method = request.method ?? 'GET';
			const path = request.url ?? '/';
			const pathname = new URL(path, 'http://127.0.0.1').pathname.replace(/\/+$/, '');
			const { answer, turn } = route(method, pathname, request.headers, body);
			requests.push({
				method,
				path,
				headers: request.headers,
				rawBody,
				body,
				turn,
				status: answer.status,
				streamed: answer.events !== undefined,
			});
			if (answer.events) {
				response.writeHead(answer.status, {
					'Content-Type': 'text/event-stream',
					'Cache-Control': 'no-cache',
					Connection: 'keep-alive',
				});
				for (const data of answer.events) response.write(`data: ${data}\n\n`);
				response.end();
				return;
			}
			response
				.writeHead(answer.status, { 'Content-Type': 'application/json' })
				.end(JSON.stringify(answer.json));
		})().catch((error: unknown) => {
			if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
			response.end(`fake model: ${String(error)}`);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;

	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		chatRequests: () =>
			requests
				.filter((request) => request.turn !== null)
				.map((request) => request.body as ChatRequestBody),
		setScript(turns) {
			script = turns;
			next = 0;
		},
		remainingTurns: () => script.length - next,
		clearRequests() {
			requests.length = 0;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}
