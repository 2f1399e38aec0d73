import { startFakeModel, type FakeModel, type FakeModelOptions } from '..';

const TOOL = {
	type: 'function',
	function: {
		name: 'read_card',
		description: 'Reads a card',
		parameters: { type: 'object', properties: { image: { type: 'string' } } },
	},
};

let model: FakeModel;
const started: FakeModel[] = [];

async function start(options: FakeModelOptions): Promise<FakeModel> {
	const fake = await startFakeModel(options);
	started.push(fake);
	return fake;
}

afterEach(async () => {
	await Promise.all(started.splice(0).map((fake) => fake.close()));
});

async function post(path: string, body: unknown, apiKey = 'sk-test'): Promise<Response> {
	return fetch(`${model.baseUrl}${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` },
		body: JSON.stringify(body),
	});
}

/** The `data:` payloads of a server-sent event stream, parsed as JSON except `[DONE]`. */
async function events(response: Response): Promise<unknown[]> {
	const text = await response.text();
	expect(text.endsWith('\n\n')).toBe(true);
	return text
		.split('\n\n')
		.filter((block) => block !== '')
		.map((block) => {
			expect(block.startsWith('data: ')).toBe(true);
			const data = block.slice('data: '.length);
			return data === '[DONE]' ? data : (JSON.parse(data) as unknown);
		});
}

interface Delta {
	content?: string | null;
	tool_calls?: Array<{
		index: number;
		id?: string;
		type?: string;
		function: { name?: string; arguments?: string };
	}>;
}
interface Chunk {
	choices: Array<{ delta: Delta; finish_reason: string | null }>;
	usage?: unknown;
}

/** Joins the deltas the way an OpenAI client does. */
function join(chunks: Chunk[]): {
	content: string;
	toolCalls: Array<{ id: string; name: string; arguments: string }>;
	finishReason: string | null;
} {
	let content = '';
	let finishReason: string | null = null;
	const toolCalls: Array<{ id: string; name: string; arguments: string }> = [];
	for (const { choices } of chunks) {
		for (const { delta, finish_reason } of choices) {
			content += delta.content ?? '';
			for (const call of delta.tool_calls ?? []) {
				toolCalls[call.index] ??= { id: '', name: '', arguments: '' };
				const joined = toolCalls[call.index];
				joined.id += call.id ?? '';
				joined.name += call.function.name ?? '';
				joined.arguments += call.function.arguments ?? '';
			}
			finishReason = finish_reason ?? finishReason;
		}
	}
	return { content, toolCalls, finishReason };
}

it('answers each chat request with the next turn of the script, as JSON', async () => {
	model = await start({
		apiKey: 'sk-test',
		script: [
			{
				toolCalls: [
					{ name: 'read_card', arguments: { image: 'aGk=' } },
					{ name: 'read_card', arguments: { image: 'https://example.com/a.png' }, id: 'call_x' },
				],
			},
			{ text: 'Both cards are read.' },
		],
	});
	expect(model.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);

	const first = await post('/chat/completions', {
		model: 'gpt-test',
		messages: [{ role: 'user', content: 'Read the cards' }],
		tools: [TOOL],
	});
	expect(first.status).toBe(200);
	expect(first.headers.get('content-type')).toBe('application/json');
	expect(await first.json()).toEqual({
		id: 'chatcmpl-fake-1',
		object: 'chat.completion',
		created: 1_700_000_000,
		model: 'gpt-test',
		choices: [
			{
				index: 0,
				message: {
					role: 'assistant',
					content: null,
					refusal: null,
					tool_calls: [
						{
							id: 'call_1_1',
							type: 'function',
							function: { name: 'read_card', arguments: '{"image":"aGk="}' },
						},
						{
							id: 'call_x',
							type: 'function',
							function: { name: 'read_card', arguments: '{"image":"https://example.com/a.png"}' },
						},
					],
				},
				logprobs: null,
				finish_reason: 'tool_calls',
			},
		],
		usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
	});

	const second = await post('/chat/completions', {
		model: 'gpt-test',
		messages: [{ role: 'tool', tool_call_id: 'call_1_1', content: '{"ok":true}' }],
	});
	const answer = (await second.json()) as {
		choices: Array<{ message: unknown; finish_reason: string }>;
	};
	expect(answer.choices[0].message).toEqual({
		role: 'assistant',
		content: 'Both cards are read.',
		refusal: null,
	});
	expect(answer.choices[0].finish_reason).toBe('stop');
	expect(model.remainingTurns()).toBe(0);

	expect(
		model.requests.map(({ method, path, turn, status, streamed }) => ({
			method,
			path,
			turn,
			status,
			streamed,
		})),
	).toEqual([
		{ method: 'POST', path: '/v1/chat/completions', turn: 1, status: 200, streamed: false },
		{ method: 'POST', path: '/v1/chat/completions', turn: 2, status: 200, streamed: false },
	]);
	expect(model.chatRequests()[0].tools).toEqual([TOOL]);
	expect(model.chatRequests()[1].messages).toEqual([
		{ role: 'tool', tool_call_id: 'call_1_1', content: '{"ok":true}' },
	]);
	expect(model.requests[0].headers.authorization).toBe('Bearer sk-test');
	expect(JSON.parse(model.requests[0].rawBody)).toEqual(model.requests[0].body);
});

it('streams tool calls and text as chunks ending with [DONE] when asked to', async () => {
	model = await start({
		script: [
			{ toolCalls: [{ name: 'read_card', arguments: { image: 'data:image/png;base64,aGk=' } }] },
			{ text: 'Done.' },
		],
	});

	const toolTurn = await post('/chat/completions', {
		messages: [{ role: 'user', content: 'Read it' }],
		stream: true,
		stream_options: { include_usage: true },
	});
	expect(toolTurn.status).toBe(200);
	expect(toolTurn.headers.get('content-type')).toBe('text/event-stream');
	const toolEvents = await events(toolTurn);
	expect(toolEvents[toolEvents.length - 1]).toBe('[DONE]');
	const toolChunks = toolEvents.slice(0, -1) as Chunk[];
	// the arguments come in more than one delta, after the delta with the id and the name
	expect(
		toolChunks.filter((chunk) => chunk.choices[0]?.delta.tool_calls?.[0]?.function.arguments)
			.length,
	).toBe(2);
	expect(toolChunks[toolChunks.length - 1]).toEqual({
		id: 'chatcmpl-fake-1',
		object: 'chat.completion.chunk',
		created: 1_700_000_000,
		model: 'fake-model',
		choices: [],
		usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
	});
	expect(join(toolChunks)).toEqual({
		content: '',
		toolCalls: [
			{
				id: 'call_1_1',
				name: 'read_card',
				arguments: '{"image":"data:image/png;base64,aGk="}',
			},
		],
		finishReason: 'tool_calls',
	});

	const textTurn = await post('/chat/completions', {
		messages: [{ role: 'user', content: 'Read it' }],
		stream: true,
	});
	const textEvents = await events(textTurn);
	expect(textEvents[textEvents.length - 1]).toBe('[DONE]');
	const textChunks = textEvents.slice(0, -1) as Chunk[];
	expect(textChunks.every((chunk) => chunk.usage === undefined)).toBe(true);
	expect(join(textChunks)).toEqual({ content: 'Done.', toolCalls: [], finishReason: 'stop' });
	expect(model.requests.map((request) => [request.turn, request.streamed])).toEqual([
		[1, true],
		[2, true],
	]);
});

it('refuses a request past the end of the script with a 400 and records it', async () => {
	model = await start({ script: [{ text: 'Only answer.' }] });
	expect((await post('/chat/completions', { messages: [] })).status).toBe(200);
	const extra = await post('/chat/completions', { messages: [{ role: 'user', content: 'again' }] });
	expect(extra.status).toBe(400);
	expect(await extra.json()).toEqual({
		error: {
			message:
				"The fake model's script has 1 turn(s), all used: this request is one more than the test expected.",
			type: 'invalid_request_error',
			param: null,
			code: 'script_exhausted',
		},
	});
	expect(model.requests.map((request) => [request.turn, request.status])).toEqual([
		[1, 200],
		[null, 400],
	]);
	expect(model.chatRequests()).toHaveLength(1);

	model.setScript([{ text: 'A new script.' }]);
	const again = await post('/chat/completions', { messages: [] });
	expect(
		((await again.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]
			.message.content,
	).toBe('A new script.');
	model.clearRequests();
	expect(model.requests).toEqual([]);
});

it('lists its model, checks the API key when given one, and names what it serves on other paths', async () => {
	model = await start({ model: 'gpt-fake', apiKey: 'sk-right', script: [{ text: 'x' }] });

	const models = await fetch(`${model.baseUrl}/models`, {
		headers: { Authorization: 'Bearer sk-right' },
	});
	expect(await models.json()).toEqual({
		object: 'list',
		data: [{ id: 'gpt-fake', object: 'model', created: 1_700_000_000, owned_by: 'fake-model' }],
	});

	const wrongKey = await post('/chat/completions', { messages: [] }, 'sk-wrong');
	expect(wrongKey.status).toBe(401);
	expect(((await wrongKey.json()) as { error: { code: string } }).error.code).toBe(
		'invalid_api_key',
	);

	const responsesApi = await post('/responses', { input: 'hi' }, 'sk-right');
	expect(responsesApi.status).toBe(404);
	expect(((await responsesApi.json()) as { error: { message: string } }).error.message).toBe(
		'The fake model serves POST /v1/chat/completions and GET /v1/models, not POST /v1/responses.',
	);

	const notJson = await fetch(`${model.baseUrl}/chat/completions`, {
		method: 'POST',
		headers: { Authorization: 'Bearer sk-right' },
		body: 'not json',
	});
	expect(notJson.status).toBe(400);
	// neither the wrong key, nor the unknown path, nor the bad body used a turn
	expect(model.remainingTurns()).toBe(1);
	expect(model.requests.map((request) => [request.method, request.path, request.status])).toEqual([
		['GET', '/v1/models', 200],
		['POST', '/v1/chat/completions', 401],
		['POST', '/v1/responses', 404],
		['POST', '/v1/chat/completions', 400],
	]);
	expect(model.requests[3].body).toBeUndefined();
	expect(model.requests[3].rawBody).toBe('not json');
});
