/**
 * A real n8n AI Agent (`@n8n/n8n-nodes-langchain.agent` 3) with this package's node as its tool
 * (`n8n-nodes-clova-ocr.clovaOcrTool`, the variant n8n generates for `usableAsTool`) and an
 * OpenAI Chat Model (`lmChatOpenAi` 1.3, Chat Completions API) whose OpenAI is the scripted
 * fake model of `tools/fake-model`, over real HTTP. The model's turns are fixed; what n8n sends
 * it (the tool's name, description and parameters, each tool result, a refusal) is asserted
 * exactly as sent, and printed as a transcript.
 *
 * The image parameter is filled by `$fromAI` with an empty description, as n8n's ✨ button
 * writes it: the model learns what to send from the tool's own description only.
 *
 * "Allow Private Network URLs" is off by default, and the test's file server is on 127.0.0.1:
 * the workflow runs twice, once with the option on (a card as base64, then one by URL) and once
 * with it off (the URL refused; the model then sends the card itself as a data URL).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { startEmulator, type Emulator } from '../../tools/clova-emulator';
import {
	startFakeModel,
	type ChatMessage,
	type FakeModel,
	type ScriptedToolCall,
} from '../../tools/fake-model';
import { log } from '../../tools/n8n/log';
import {
	clovaCredential,
	nodeOutput,
	type CredentialInput,
	type RawRun,
	type WorkflowInput,
} from '../../tools/n8n/n8n-cli';
import type { N8nContext } from '../../tools/n8n/n8n-context';
import type { N8nLine } from '../../tools/n8n/versions';
import { e2eState, loadWorkflow, runWorkflow, setUpN8n } from './harness';

const { lines, real } = e2eState();
const SECRET = 'e2e-ai-agent-secret-7f3c';
const MODEL_KEY = 'sk-e2e-fake-model-key';
const TIMEOUT_MS = 5 * 60_000;
const SAMPLES = join(__dirname, '../../samples');
const RESIDENT_CARD = readFileSync(join(SAMPLES, 'resident-card.png'));
const DRIVER_LICENSE = readFileSync(join(SAMPLES, 'driver-license.png'));

/** the workflow's prompt (AI Agent > Prompt: Define below) */
const PROMPT =
	'Read the ID cards I sent you and tell me whose they are and whether they passed the checks.';

/** n8n names the tool after the node ("CLOVA OCR") */
const TOOL_NAME = 'CLOVA_OCR';

/**
 * The tool description the model receives, as observed on 2.41.1 and 1.123.69. With "Tool
 * Description: Set Automatically" (the default) n8n builds it from the node's parameters: a node
 * with a `resource` gets its operation's `action` and its name ("{action} in {name}",
 * makeDescription in n8n-workflow's node helpers); only a node without one gets its
 * `description`. Since the node has resources, the model reads the operation's action.
 */
const TOOL_DESCRIPTION_SEEN = 'Recognize any ID in CLOVA OCR';

/** The refusal of a loopback Image URL, as the model receives it: the error's message only. */
const REFUSAL_SEEN =
	'The Image URL points at a loopback address (127.0.0.0/8). Send a URL on the public internet, or the image itself as base64. Only public hosts are fetched; to fetch from a file server on your own network, turn on Options > Allow Private Network URLs.';

/** The `$fromAI('Image', ``, 'string')` key, as zod and LangChain turn it into JSON Schema. */
const TOOL_PARAMETERS = {
	type: 'object',
	properties: { Image: { type: 'string' } },
	required: ['Image'],
	additionalProperties: false,
	$schema: 'http://json-schema.org/draft-07/schema#',
};

function offeredTools(line: N8nLine): unknown[] {
	return [
		{
			type: 'function',
			function: {
				name: TOOL_NAME,
				description: TOOL_DESCRIPTION_SEEN,
				parameters: TOOL_PARAMETERS,
				// 2.x's OpenAI Chat Model says supportsStrictToolCalling: false, so LangChain sends it
				...(line === 'v2' ? { strict: false } : {}),
			},
		},
	];
}

/** The emulator's uid is random; tool results are compared with it written as this. */
const UID = '<uid>';

/** The document output of the sample resident card (emulator scenario ic-specimen), key order kept. */
const ID_CARD_DOCUMENT = {
	documentType: 'idCard',
	idType: 'ID Card',
	isConfident: true,
	validationResult: 'NO_REQUESTED',
	validationMessage: null,
	estimatedLanguage: 'ko',
	pageIndex: null,
	pageWidth: null,
	pageHeight: null,
	cardX: 2.264223,
	cardY: -5.092327,
	cardWidth: 752.259027,
	cardHeight: 479.499927,
	imageName: '',
	requestId: '',
	uid: UID,
	valid: true,
	warnings: '',
	notes: '',
	needsReview: false,
	name: '홍길동',
	personalNum: '800101-1******',
	address: '서울특별시 종로구 세종대로 209',
	issueDate: '2020-08-16',
	authority: '서울특별시 종로구청장',
};

/** The document output of the sample driver's license (emulator scenario dl-specimen). */
const DRIVER_LICENSE_DOCUMENT = {
	documentType: 'driverLicense',
	idType: "Driver's License",
	isConfident: true,
	validationResult: 'NO_REQUESTED',
	validationMessage: null,
	estimatedLanguage: 'ko',
	pageIndex: null,
	pageWidth: null,
	pageHeight: null,
	cardX: -4.7505364,
	cardY: -5.066147,
	cardWidth: 719.6871864,
	cardHeight: 497.486287,
	imageName: '',
	requestId: '',
	uid: UID,
	valid: true,
	warnings: '',
	notes: '',
	needsReview: false,
	licenseClasses:
		'1종대형, 1종보통, 1종소형, 1종특수(대형견인), 1종특수(소형견인), 1종특수(구난), 2종보통, 2종소형, 2종원동기',
	renewalOverdue: false,
	type: '1종대형 1종보통 1종소형 특수(대형견인,소형견인, 구난) 2종보통 2종소형 원동기',
	num: '11-00-123456-10',
	name: '홍길동',
	personalNum: '800101-1******',
	address: '서울시 종로구 세종대로 209',
	renewStartDate: '2029-01-01',
	renewEndDate: '2029-12-31',
	condition: '건 8',
	code: 'H1A2B3',
	organDonation: '장기 ·조직기증',
	issueDate: '2019-09-10',
	authority: '서울지방경찰청장',
};

/** The specimen cards' registration number as the emulator serves it (fixture-documents.ts). */
const UNMASKED_NUMBERS = ['800101-1234560', '8001011234560'];

const FINAL_READ =
	"Both cards belong to 홍길동: the resident registration card (800101-1******) and the driver's license 11-00-123456-10 passed the checks.";
const FINAL_REFUSED =
	"The link to the driver's license was refused, so I sent the image itself: it belongs to 홍길동 (800101-1******) and passed the checks.";

/** A tool result as the model receives it: the node's output items as JSON text. */
function documentResult(document: object, imageName: string, requestId: string): string {
	return JSON.stringify([{ ...document, imageName, requestId }]);
}

function withUidHidden(text: string): string {
	return text.replace(/"uid":"[0-9a-f]{32}"/g, `"uid":"${UID}"`);
}

/** What a tool call looks like in the model's history: n8n adds the call's id to its arguments. */
function echoedCall(id: string, call: ScriptedToolCall) {
	return {
		id,
		type: 'function',
		function: { name: call.name, arguments: JSON.stringify({ ...call.arguments, id }) },
	};
}

function shortArguments(args: string): string {
	const { Image } = JSON.parse(args) as { Image: string };
	if (/^https?:/.test(Image)) return `Image: ${JSON.stringify(Image)}`;
	const kind = Image.startsWith('data:') ? 'a data URL' : 'base64';
	return `Image: <${kind}, ${Image.length} characters>`;
}

/** A short transcript of what the model received, from its last request (which holds all). */
function transcript(title: string, model: FakeModel, finalOutput: unknown): string {
	const chats = model.chatRequests();
	const [tool] = chats[0].tools ?? [];
	const text = [
		`${title}: ${chats.length} requests to the model, streamed: ${chats.map((chat) => chat.stream === true).join(', ')}`,
		`  tool offered: ${tool.function.name}: ${JSON.stringify(tool.function.description)}`,
		`    parameters: ${JSON.stringify(tool.function.parameters)}`,
	];
	const messages = chats[chats.length - 1].messages;
	for (const message of messages) {
		if (message.role === 'user') text.push(`  user: ${JSON.stringify(message.content)}`);
		for (const call of message.tool_calls ?? []) {
			text.push(
				`  model calls ${call.function.name} (${call.id}) with ${shortArguments(call.function.arguments)}`,
			);
		}
		if (message.role === 'tool') {
			text.push(`  tool result (${message.tool_call_id}): ${String(message.content)}`);
		}
	}
	text.push(`  agent output: ${JSON.stringify(finalOutput)}`);
	return text.join('\n');
}

const describeReal = real ? describe.each(lines) : describe.skip.each(lines);

describeReal('a real AI Agent with CLOVA OCR as its tool on n8n %s', (line) => {
	let emulator: Emulator;
	let model: FakeModel;
	let ctx: N8nContext & { dispose(): void };
	let files: Server;
	let cardUrl: string;
	const fileRequests: string[] = [];
	let clova: CredentialInput;
	let openAi: CredentialInput;

	beforeAll(async () => {
		emulator = await startEmulator({ secretKey: SECRET });
		model = await startFakeModel({ apiKey: MODEL_KEY });
		files = createServer((request, response) => {
			fileRequests.push(request.url ?? '');
			if (request.url === '/cards/driver-license.png') {
				response.writeHead(200, { 'Content-Type': 'image/png' }).end(DRIVER_LICENSE);
			} else response.writeHead(404).end();
		});
		await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
		cardUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/cards/driver-license.png`;
		clova = clovaCredential(emulator.invokeUrl, SECRET);
		// an OpenAI credential with a Base URL, as for any OpenAI-compatible server
		openAi = {
			id: 'openAiE2eCred001',
			name: 'Fake model e2e',
			type: 'openAiApi',
			data: { apiKey: MODEL_KEY, url: model.baseUrl },
		};
		ctx = await setUpN8n(line, { packages: [real!], credentials: [clova, openAi] });
	}, TIMEOUT_MS);

	afterAll(async () => {
		ctx?.dispose();
		await emulator?.close();
		await model?.close();
		await new Promise((resolve) => files?.close(resolve));
	});

	/**
	 * The workflow with the tool's "Allow Private Network URLs" set. On 1.123.69 an error of a
	 * tool node stops the whole run (seen: the refusal failed the execution); 2.x turns it into
	 * the tool's result unless the node says "On Error: Stop Workflow". So on 1.x the tool node is
	 * set to "On Error: Continue", which a 1.x user needs for the model to see a refusal at all.
	 */
	function agentWorkflow(id: string, allowPrivateHosts: boolean): WorkflowInput {
		const workflow = loadWorkflow('clova-ai-agent', {
			WORKFLOW_ID: id,
			MODEL_CREDENTIAL_ID: openAi.id,
			MODEL_CREDENTIAL_NAME: openAi.name,
			CREDENTIAL_ID: clova.id,
			CREDENTIAL_NAME: clova.name,
		});
		const nodes = workflow.nodes as ReadonlyArray<{
			name: string;
			parameters: Record<string, unknown>;
		}>;
		return {
			...workflow,
			nodes: nodes.map((node) =>
				node.name === 'CLOVA OCR'
					? {
							...node,
							parameters: { ...node.parameters, options: { allowPrivateHosts } },
							...(line === 'v1' ? { onError: 'continueRegularOutput' } : {}),
						}
					: node,
			),
		};
	}

	async function runAgent(
		id: string,
		allowPrivateHosts: boolean,
		calls: readonly ScriptedToolCall[],
		finalText: string,
	): Promise<RawRun> {
		model.clearRequests();
		emulator.reset();
		fileRequests.length = 0;
		// one call per turn, then the answer
		model.setScript([...calls.map((call) => ({ toolCalls: [call] })), { text: finalText }]);
		return runWorkflow(ctx, agentWorkflow(id, allowPrivateHosts));
	}

	/** Every request the model received: the chat requests of the script, nothing else. */
	function expectConversation(
		calls: readonly ScriptedToolCall[],
		results: readonly string[],
	): void {
		expect(
			model.requests.map(({ method, path, status, turn, streamed }) => ({
				method,
				path,
				status,
				turn,
				streamed,
			})),
		).toEqual(
			[...calls, 'answer'].map((_unused, index) => ({
				method: 'POST',
				path: '/v1/chat/completions',
				status: 200,
				turn: index + 1,
				streamed: false,
			})),
		);
		expect(model.remainingTurns()).toBe(0);
		const assistantContent = line === 'v2' ? [] : '';
		model.chatRequests().forEach((chat, index) => {
			// the body is model, stream, tools and messages; tools on every turn; never streamed
			expect(Object.keys(chat).sort()).toEqual(['messages', 'model', 'stream', 'tools']);
			expect(chat.model).toBe('gpt-4.1-mini');
			expect(chat.stream).toBe(false);
			expect(chat.tools).toEqual(offeredTools(line));
			const history: ChatMessage[] = [{ role: 'user', content: PROMPT }];
			calls.slice(0, index).forEach((call, k) => {
				const id = `call_${k + 1}_1`;
				history.push(
					{ role: 'assistant', content: assistantContent, tool_calls: [echoedCall(id, call)] },
					{ role: 'tool', content: results[k], tool_call_id: id },
				);
			});
			expect(
				chat.messages.map((message) =>
					message.role === 'tool'
						? { ...message, content: withUidHidden(String(message.content)) }
						: message,
				),
			).toEqual(history);
		});
	}

	/** No request to the model carried the CLOVA secret or an unmasked registration number. */
	function expectNothingLeaked(): void {
		expect(model.requests.length).toBeGreaterThan(0);
		for (const request of model.requests) {
			const sent = `${request.rawBody}\n${JSON.stringify(request.headers)}`;
			expect(sent).not.toContain(SECRET);
			for (const number of UNMASKED_NUMBERS) expect(sent).not.toContain(number);
		}
	}

	function requestIdOf(index: number): string {
		return (emulator.requests[index].message as { requestId: string }).requestId;
	}

	it(
		'reads a card the model sends as base64 and one by URL (private network URLs allowed)',
		async () => {
			const calls: ScriptedToolCall[] = [
				{ name: TOOL_NAME, arguments: { Image: RESIDENT_CARD.toString('base64') } },
				{ name: TOOL_NAME, arguments: { Image: cardUrl } },
			];
			const run = await runAgent(`e2eAiAgent${line}Rd`, true, calls, FINAL_READ);
			const output = nodeOutput(run, 'AI Agent');
			log(transcript(`AI Agent transcript (n8n ${line}, private URLs allowed)`, model, output));

			// the emulator read both cards, served with their unmasked specimen numbers
			expect(
				emulator.requests.map((request) => [request.secretOk, request.scenario, request.file]),
			).toEqual([
				[true, 'ic-specimen', RESIDENT_CARD],
				[true, 'dl-specimen', DRIVER_LICENSE],
			]);
			expect(fileRequests).toEqual(['/cards/driver-license.png']);
			expectConversation(calls, [
				documentResult(ID_CARD_DOCUMENT, 'image-1.png', requestIdOf(0)),
				documentResult(DRIVER_LICENSE_DOCUMENT, 'driver-license.png', requestIdOf(1)),
			]);
			expectNothingLeaked();
			expect(output).toEqual([{ output: FINAL_READ }]);
		},
		TIMEOUT_MS,
	);

	it(
		'refuses a private URL with a message the model can act on, then reads the card sent as a data URL',
		async () => {
			const calls: ScriptedToolCall[] = [
				{ name: TOOL_NAME, arguments: { Image: cardUrl } },
				{
					name: TOOL_NAME,
					arguments: { Image: `data:image/png;base64,${DRIVER_LICENSE.toString('base64')}` },
				},
			];
			const run = await runAgent(`e2eAiAgent${line}Rf`, false, calls, FINAL_REFUSED);
			const output = nodeOutput(run, 'AI Agent');
			log(transcript(`AI Agent transcript (n8n ${line}, private URLs refused)`, model, output));

			// the URL was never fetched; the emulator saw only the card sent as data
			expect(fileRequests).toEqual([]);
			expect(
				emulator.requests.map((request) => [request.secretOk, request.scenario, request.file]),
			).toEqual([[true, 'dl-specimen', DRIVER_LICENSE]]);
			expectConversation(calls, [
				JSON.stringify([{ error: REFUSAL_SEEN }]),
				documentResult(DRIVER_LICENSE_DOCUMENT, 'image-1.png', requestIdOf(0)),
			]);
			expectNothingLeaked();
			expect(output).toEqual([{ output: FINAL_REFUSED }]);
		},
		TIMEOUT_MS,
	);
});
