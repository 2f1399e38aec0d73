/** The emulator's knobs: their types, defaults and validation. */
import { PRODUCT_INFO, PRODUCTS, type Product } from './products';
import {
	DEFAULT_TRANSIENT_FAULTS,
	isFaultScenario,
	isScenarioName,
	type FaultScenarioName,
	type ScenarioName,
} from './scenarios';
import { LATENCY_DISTRIBUTIONS, type LatencyDistribution } from './service-time';

/** Knobs that can change while the emulator runs (`configure`, POST /__emulator/configure). */
export interface EmulatorRuntimeOptions {
	/** Scenario answered when nothing else picks one. Default `ic-success`. */
	defaultScenario: ScenarioName;
	/**
	 * Delay before answering a request that got past URL, secret and concurrency checks:
	 * the latency itself (`fixed`) or its median (`lognormal`). Default 0.
	 */
	latencyMs: number;
	/**
	 * How latencies spread: `fixed` (default: every request takes `latencyMs`) or
	 * `lognormal` (median `latencyMs`, p95 `latencyP95Ratio` × the median), drawn from a
	 * sequence seeded by `seed`.
	 */
	latencyDistribution: LatencyDistribution;
	/** p95 ÷ median of the `lognormal` latency, > 1. Default 2 (sigma = ln 2 / 1.645). */
	latencyP95Ratio: number;
	/** Share (0..1) of admitted requests that are slow: `latencyTailFactor` × `latencyMs`. Default 0. */
	latencyTailRate: number;
	/** How many times `latencyMs` a slow (tail) request takes. Default 10. */
	latencyTailFactor: number;
	/** Max requests processed at once per domain; one more is refused with 0025. null = no cap (default). */
	concurrencyCap: number | null;
	/**
	 * When a refusal over the cap is answered: after a delay drawn uniformly from
	 * [min, max] ms (seeded by `seed`). The refused request holds no slot meanwhile.
	 * Default [0, 0]: at once.
	 */
	refusalDelayMs: [min: number, max: number];
	/** Seconds for a `Retry-After` header on 0025 answers; null = no header (default). */
	retryAfterSeconds: number | null;
	/** Probability (0..1) that a valid request gets a fault from `faultScenarios` instead. Default 0. */
	faultRate: number;
	/** The faults `faultRate` picks from. Default rate-limit, server-error, ocr-error. */
	faultScenarios: FaultScenarioName[];
	/** Seed of the fault-rate generator; setting it (or `reset()`) restarts the sequence. Default 1. */
	seed: number;
	/** Delay of the `slow` scenario. Default 30000. */
	slowMs: number;
	/**
	 * Textual edits `[search, replacement]` applied, every occurrence and in order, to each
	 * document answer after personalization: serves any field text without a new fixture.
	 * Default [] (none).
	 */
	documentEdits: Array<[search: string, replacement: string]>;
	/**
	 * General and Template OCR: the most pages a PDF or TIFF may have; a file with more is
	 * refused with 0011, as a file over 50 MB. Default 30 (NAVER's older pages say 10).
	 */
	maxPages: number;
	/**
	 * The General and Template domains' table toggle ("표 추출 여부"): off, a request with
	 * `enableTableDetection: true` is refused with 0028. Default true (on).
	 */
	tableDetection: boolean;
	/**
	 * The templates deployed on the Template domain: `templateIds` naming another is 1021; the
	 * sample form matches template 390 when it is deployed (its name is the answer's
	 * `matchedTemplate.name`). Default `[{id: 390, name: '출장 신청서'}]`.
	 */
	templates: TemplateInfo[];
	/**
	 * How Template OCR answers an image that matches no deployed template when the emulator
	 * decides it (another product's document, template 390 not deployed or not among
	 * `templateIds`): `failure` (default), HTTP 200 with `inferResult: FAILURE` and the message
	 * "NOT_FOUND: not found matched template" (scenario `template-not-matched`), or `error`, an
	 * error body with that message (scenario `template-not-matched-error`).
	 */
	templateNotMatched: TemplateNotMatched;
	/** Receives one line per request (no values, no secret). Default null: logs nothing. */
	logger: ((line: string) => void) | null;
}

/** A template deployed on the Template OCR domain. */
export interface TemplateInfo {
	id: number;
	name: string;
}

export const TEMPLATE_NOT_MATCHED = ['failure', 'error'] as const;
export type TemplateNotMatched = (typeof TEMPLATE_NOT_MATCHED)[number];

/** The template the sample form (samples/form.*) matches. */
export const FORM_TEMPLATE: Readonly<TemplateInfo> = { id: 390, name: '출장 신청서' };

/** One domain of one product: its base path (the Invoke URL's path) and secret. */
export interface DomainSettings {
	domainId: string;
	invokeKey: string;
	/** `/custom/v1/{domainId}/{invokeKey}` unless given; the endpoint is `{basePath}{product path}`. */
	basePath: string;
	/** The X-OCR-SECRET this domain accepts. */
	secretKey: string;
}

/** The products other than the ID card, whose domain the top-level options describe. */
export type OtherProduct = Exclude<Product, 'idCard'>;

/** Per-product domain settings; anything left out gets its default. */
export type DomainOptions = Partial<Record<OtherProduct, Partial<DomainSettings>>>;

/** Fixed when the emulator starts. */
export interface EmulatorStartOptions {
	/** TCP port on 127.0.0.1; 0 (default) picks a free one. */
	port: number;
	/** The X-OCR-SECRET the ID-card domain accepts (and, by default, every domain). Default `emulator-secret`. */
	secretKey: string;
	/** The ID-card domain's id. Default `12345`. */
	domainId: string;
	/** The ID-card domain's invoke key (and, by default, every domain's). Default `emulatorinvokekey`. */
	invokeKey: string;
	/** Default `/custom/v1/{domainId}/{invokeKey}`; the endpoint is `{basePath}/document/id-card`. */
	basePath: string;
	/** Serve the `/__emulator/` control API. Default true. */
	controlApi: boolean;
	/**
	 * Every product's domain, the ID card's from the options above. The others default to
	 * domain ids 12346 (business registration), 12347 (receipt), 12348 (credit card),
	 * 12349 (name card), 12350 (passport), 12351 (General OCR), 12352 (Template OCR), the ID
	 * card's invoke key and secret.
	 */
	domains: Record<Product, DomainSettings>;
}

export type EmulatorOptions = Partial<EmulatorRuntimeOptions> &
	Partial<Omit<EmulatorStartOptions, 'domains'>> & {
		/** The other products' domains (domain id, invoke key, base path, secret), each optional. */
		domains?: DomainOptions;
	};

export const RUNTIME_OPTION_KEYS: readonly (keyof EmulatorRuntimeOptions)[] = [
	'defaultScenario',
	'latencyMs',
	'latencyDistribution',
	'latencyP95Ratio',
	'latencyTailRate',
	'latencyTailFactor',
	'concurrencyCap',
	'refusalDelayMs',
	'retryAfterSeconds',
	'faultRate',
	'faultScenarios',
	'seed',
	'slowMs',
	'documentEdits',
	'maxPages',
	'tableDetection',
	'templates',
	'templateNotMatched',
	'logger',
];

export const DEFAULT_RUNTIME_OPTIONS: Readonly<EmulatorRuntimeOptions> = {
	defaultScenario: 'ic-success',
	latencyMs: 0,
	latencyDistribution: 'fixed',
	latencyP95Ratio: 2,
	latencyTailRate: 0,
	latencyTailFactor: 10,
	concurrencyCap: null,
	refusalDelayMs: [0, 0],
	retryAfterSeconds: null,
	faultRate: 0,
	faultScenarios: [...DEFAULT_TRANSIENT_FAULTS],
	seed: 1,
	slowMs: 30_000,
	documentEdits: [],
	maxPages: 30,
	tableDetection: true,
	templates: [{ ...FORM_TEMPLATE }],
	templateNotMatched: 'failure',
	logger: null,
};

export class EmulatorOptionsError extends TypeError {
	constructor(message: string) {
		super(message);
		this.name = 'EmulatorOptionsError';
	}
}

/** Checks a partial set of runtime knobs; throws EmulatorOptionsError naming the first bad one. */
export function validateRuntimeOptions(
	options: Partial<Record<string, unknown>>,
): Partial<EmulatorRuntimeOptions> {
	const result: Partial<EmulatorRuntimeOptions> = {};
	for (const [key, value] of Object.entries(options)) {
		if (value === undefined) continue;
		switch (key) {
			case 'defaultScenario':
				if (!isScenarioName(value))
					throw new EmulatorOptionsError(`defaultScenario: unknown scenario ${String(value)}`);
				result.defaultScenario = value;
				break;
			case 'latencyMs':
			case 'slowMs':
				result[key] = nonNegativeNumber(key, value);
				break;
			case 'latencyDistribution':
				if (!(LATENCY_DISTRIBUTIONS as readonly unknown[]).includes(value)) {
					throw new EmulatorOptionsError(
						`latencyDistribution: one of ${LATENCY_DISTRIBUTIONS.join(', ')}`,
					);
				}
				result.latencyDistribution = value as LatencyDistribution;
				break;
			case 'latencyP95Ratio':
				if (typeof value !== 'number' || !Number.isFinite(value) || value <= 1) {
					throw new EmulatorOptionsError('latencyP95Ratio: a finite number > 1');
				}
				result.latencyP95Ratio = value;
				break;
			case 'latencyTailRate':
				result.latencyTailRate = share(key, value);
				break;
			case 'latencyTailFactor':
				result.latencyTailFactor = nonNegativeNumber(key, value);
				break;
			case 'refusalDelayMs':
				result.refusalDelayMs = delayRange(key, value);
				break;
			case 'concurrencyCap':
				if (value !== null && !(Number.isInteger(value) && (value as number) >= 1)) {
					throw new EmulatorOptionsError('concurrencyCap: an integer >= 1, or null');
				}
				result.concurrencyCap = value as number | null;
				break;
			case 'retryAfterSeconds':
				result.retryAfterSeconds = value === null ? null : nonNegativeInteger(key, value);
				break;
			case 'faultRate':
				result.faultRate = share(key, value);
				break;
			case 'faultScenarios':
				if (
					!Array.isArray(value) ||
					!value.every((name) => isScenarioName(name) && isFaultScenario(name))
				) {
					throw new EmulatorOptionsError('faultScenarios: an array of fault scenario names');
				}
				result.faultScenarios = [...(value as FaultScenarioName[])];
				break;
			case 'seed':
				result.seed = nonNegativeInteger(key, value);
				break;
			case 'documentEdits':
				result.documentEdits = documentEdits(value);
				break;
			case 'maxPages':
				if (!Number.isInteger(value) || (value as number) < 1)
					throw new EmulatorOptionsError('maxPages: an integer >= 1');
				result.maxPages = value as number;
				break;
			case 'tableDetection':
				if (typeof value !== 'boolean') throw new EmulatorOptionsError('tableDetection: a boolean');
				result.tableDetection = value;
				break;
			case 'templates':
				result.templates = templates(value);
				break;
			case 'templateNotMatched':
				if (!(TEMPLATE_NOT_MATCHED as readonly unknown[]).includes(value))
					throw new EmulatorOptionsError(
						`templateNotMatched: one of ${TEMPLATE_NOT_MATCHED.join(', ')}`,
					);
				result.templateNotMatched = value as TemplateNotMatched;
				break;
			case 'logger':
				if (value !== null && typeof value !== 'function')
					throw new EmulatorOptionsError('logger: a function or null');
				result.logger = value as EmulatorRuntimeOptions['logger'];
				break;
			default:
				throw new EmulatorOptionsError(`unknown option ${key}`);
		}
	}
	return result;
}

function documentEdits(value: unknown): EmulatorRuntimeOptions['documentEdits'] {
	const isEdit = (edit: unknown): edit is [string, string] =>
		Array.isArray(edit) &&
		edit.length === 2 &&
		typeof edit[0] === 'string' &&
		edit[0] !== '' &&
		typeof edit[1] === 'string';
	if (!Array.isArray(value) || !value.every(isEdit)) {
		throw new EmulatorOptionsError('documentEdits: an array of [search, replacement] string pairs');
	}
	return value.map(([search, replacement]) => [search, replacement]);
}

function templates(value: unknown): TemplateInfo[] {
	const isTemplate = (entry: unknown): entry is TemplateInfo =>
		typeof entry === 'object' &&
		entry !== null &&
		Number.isSafeInteger((entry as TemplateInfo).id) &&
		(entry as TemplateInfo).id > 0 &&
		typeof (entry as TemplateInfo).name === 'string' &&
		(entry as TemplateInfo).name.length > 0 &&
		Object.keys(entry).every((key) => key === 'id' || key === 'name');
	if (!Array.isArray(value) || !value.every(isTemplate))
		throw new EmulatorOptionsError('templates: an array of {id: integer > 0, name: string}');
	const ids = value.map((entry) => entry.id);
	if (new Set(ids).size !== ids.length) throw new EmulatorOptionsError('templates: each id once');
	return value.map(({ id, name }) => ({ id, name }));
}

function share(key: string, value: unknown): number {
	if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
		throw new EmulatorOptionsError(`${key}: a number from 0 to 1`);
	}
	return value;
}

function delayRange(key: string, value: unknown): [number, number] {
	const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
	if (!Array.isArray(value) || value.length !== 2 || !finite(value[0]) || !finite(value[1])) {
		throw new EmulatorOptionsError(`${key}: [min, max], finite numbers >= 0`);
	}
	if (value[0] > value[1]) throw new EmulatorOptionsError(`${key}: min above max`);
	return [value[0], value[1]];
}

function nonNegativeNumber(key: string, value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
		throw new EmulatorOptionsError(`${key}: a finite number >= 0`);
	}
	return value;
}

function nonNegativeInteger(key: string, value: unknown): number {
	if (!Number.isInteger(value) || (value as number) < 0)
		throw new EmulatorOptionsError(`${key}: an integer >= 0`);
	return value as number;
}

/** Resolves start options, applying defaults; throws EmulatorOptionsError on bad values. */
export function resolveStartOptions(options: EmulatorOptions): EmulatorStartOptions {
	const domainId = options.domainId ?? PRODUCT_INFO.idCard.domainId;
	const invokeKey = options.invokeKey ?? 'emulatorinvokekey';
	const basePath = options.basePath ?? `/custom/v1/${domainId}/${invokeKey}`;
	const port = options.port ?? 0;
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new EmulatorOptionsError('port: 0..65535');
	checkBasePath('basePath', basePath);
	const secretKey = options.secretKey ?? 'emulator-secret';
	if (secretKey.length === 0) throw new EmulatorOptionsError('secretKey: must not be empty');
	const domains = resolveDomains(options.domains ?? {}, {
		domainId,
		invokeKey,
		basePath,
		secretKey,
	});
	return {
		port,
		secretKey,
		domainId,
		invokeKey,
		basePath,
		controlApi: options.controlApi ?? true,
		domains,
	};
}

function checkBasePath(name: string, basePath: unknown): void {
	if (
		typeof basePath !== 'string' ||
		!basePath.startsWith('/') ||
		basePath.endsWith('/') ||
		basePath.startsWith('/__emulator')
	) {
		throw new EmulatorOptionsError(
			`${name}: starts with "/", does not end with "/", not under /__emulator`,
		);
	}
}

function resolveDomains(
	options: DomainOptions,
	idCard: DomainSettings,
): Record<Product, DomainSettings> {
	const unknown = Object.keys(options).filter(
		(key) => key === 'idCard' || !(PRODUCTS as readonly string[]).includes(key),
	);
	if (unknown.length > 0) {
		throw new EmulatorOptionsError(
			`domains: unknown product ${unknown.join(', ')} (the ID card's domain is set by domainId, invokeKey, basePath, secretKey)`,
		);
	}
	const domains = { idCard } as Record<Product, DomainSettings>;
	for (const product of PRODUCTS) {
		if (product === 'idCard') continue;
		const given = options[product] ?? {};
		const domainId = given.domainId ?? PRODUCT_INFO[product].domainId;
		const invokeKey = given.invokeKey ?? idCard.invokeKey;
		const basePath = given.basePath ?? `/custom/v1/${domainId}/${invokeKey}`;
		checkBasePath(`domains.${product}.basePath`, basePath);
		const secretKey = given.secretKey ?? idCard.secretKey;
		if (typeof secretKey !== 'string' || secretKey.length === 0)
			throw new EmulatorOptionsError(`domains.${product}.secretKey: must not be empty`);
		domains[product] = { domainId, invokeKey, basePath, secretKey };
	}
	// One domain, one product: two products on one base path cannot be told apart.
	const seen = new Map<string, Product>();
	for (const product of PRODUCTS) {
		const { basePath } = domains[product];
		const other = seen.get(basePath);
		if (other !== undefined)
			throw new EmulatorOptionsError(
				`domains: ${product} and ${other} share the base path ${basePath}; give one its own domainId or basePath`,
			);
		seen.set(basePath, product);
	}
	return domains;
}

/** Picks the runtime knobs out of constructor options, over the defaults. */
export function resolveRuntimeOptions(options: EmulatorOptions): EmulatorRuntimeOptions {
	const runtime: Partial<Record<string, unknown>> = {};
	for (const key of RUNTIME_OPTION_KEYS) runtime[key] = options[key];
	return {
		...DEFAULT_RUNTIME_OPTIONS,
		faultScenarios: [...DEFAULT_RUNTIME_OPTIONS.faultScenarios],
		refusalDelayMs: [...DEFAULT_RUNTIME_OPTIONS.refusalDelayMs],
		templates: DEFAULT_RUNTIME_OPTIONS.templates.map((template) => ({ ...template })),
		...validateRuntimeOptions(runtime),
	};
}
