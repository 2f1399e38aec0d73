/** Command-line flags of tools/clova-emulator/cli.ts, turned into emulator options. */
import {
	EmulatorOptionsError,
	type EmulatorOptions,
	type TemplateInfo,
	type TemplateNotMatched,
} from './emulator-options';
import { isScenarioName, type FaultScenarioName } from './scenarios';
import type { LatencyDistribution } from './service-time';

export const CLI_USAGE = `Usage: npx tsx tools/clova-emulator/cli.ts [flags]
  --port N            port on 127.0.0.1 (default 8080; 0 = any free port)
  --secret S          accepted X-OCR-SECRET (default: $CLOVA_EMULATOR_SECRET, else "emulator-secret")
  --domain ID         the ID-card domain's id in its invoke URL (default 12345; the
                      other products' domains are 12346..12352)
  --invoke-key K      invoke key in the invoke URL (default emulatorinvokekey)
  --base-path P       the ID-card domain's whole base path (default /custom/v1/{domain}/{invoke-key})
  --scenario NAME     default scenario on its product's domain (default: each product's success)
  --latency MS        delay before each answer, or its median (default 0)
  --latency-dist D    fixed (default) or lognormal (median --latency, p95 --latency-p95 x median)
  --latency-p95 R     p95 / median of the lognormal latency, > 1 (default 2)
  --tail-rate R       share 0..1 of slow answers, --tail-factor x --latency (default 0)
  --tail-factor F     how many times --latency a slow answer takes (default 10)
  --cap N             concurrent requests per domain before 0025 (default: no cap)
  --refusal-delay MS  when a 0025 over the cap is answered: MS, or MIN-MAX drawn
                      uniformly (default 0: at once), e.g. 50-200
  --retry-after S     Retry-After seconds on 0025 answers (default: none)
  --fault-rate R      probability 0..1 of an injected transient fault (default 0)
  --faults A,B        faults the fault rate picks from (default rate-limit,server-error,ocr-error)
  --seed N            seed of the fault, latency and refusal-delay generators (default 1)
  --slow-ms MS        delay of the "slow" scenario (default 30000)
  --max-pages N       General/Template OCR: most pages of a PDF or TIFF before 0011 (default 30)
  --no-table-detection  General/Template OCR: the domains' table toggle off
                      (enableTableDetection: true is then 0028)
  --templates LIST    Template OCR: the deployed templates, ID:NAME,ID:NAME (default
                      390:출장 신청서, the template the sample form matches)
  --template-not-matched failure|error
                      Template OCR: an image matching no template as inferResult FAILURE
                      (default) or as an error body
  --no-control        do not serve the /__emulator/ control API
  --verbose           one line per request on stderr (no values, no secret)
  --help              this text`;

export interface CliSettings {
	options: EmulatorOptions;
	verbose: boolean;
	help: boolean;
}

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): CliSettings {
	const options: EmulatorOptions = { port: 8080 };
	const envSecret = env['CLOVA_EMULATOR_SECRET'];
	if (envSecret !== undefined && envSecret.length > 0) options.secretKey = envSecret;
	let verbose = false;
	let help = false;

	for (let index = 0; index < argv.length; index++) {
		const flag = argv[index] ?? '';
		const value = (): string => {
			const next = argv[index + 1];
			if (next === undefined) throw new EmulatorOptionsError(`${flag} needs a value`);
			index++;
			return next;
		};
		switch (flag) {
			case '--port':
				options.port = integer(flag, value());
				break;
			case '--secret':
				options.secretKey = value();
				break;
			case '--domain':
				options.domainId = value();
				break;
			case '--invoke-key':
				options.invokeKey = value();
				break;
			case '--base-path':
				options.basePath = value();
				break;
			case '--scenario': {
				const name = value();
				if (!isScenarioName(name))
					throw new EmulatorOptionsError(`--scenario: unknown scenario ${name}`);
				options.defaultScenario = name;
				break;
			}
			case '--latency':
				options.latencyMs = number(flag, value());
				break;
			case '--latency-dist':
				options.latencyDistribution = value() as LatencyDistribution;
				break;
			case '--latency-p95':
				options.latencyP95Ratio = number(flag, value());
				break;
			case '--tail-rate':
				options.latencyTailRate = number(flag, value());
				break;
			case '--tail-factor':
				options.latencyTailFactor = number(flag, value());
				break;
			case '--cap':
				options.concurrencyCap = integer(flag, value());
				break;
			case '--refusal-delay':
				options.refusalDelayMs = delayRange(flag, value());
				break;
			case '--retry-after':
				options.retryAfterSeconds = integer(flag, value());
				break;
			case '--fault-rate':
				options.faultRate = number(flag, value());
				break;
			case '--faults':
				options.faultScenarios = value()
					.split(',')
					.filter((name) => name.length > 0) as FaultScenarioName[];
				break;
			case '--seed':
				options.seed = integer(flag, value());
				break;
			case '--slow-ms':
				options.slowMs = number(flag, value());
				break;
			case '--max-pages':
				options.maxPages = integer(flag, value());
				break;
			case '--no-table-detection':
				options.tableDetection = false;
				break;
			case '--templates':
				options.templates = templateList(flag, value());
				break;
			case '--template-not-matched':
				options.templateNotMatched = value() as TemplateNotMatched;
				break;
			case '--no-control':
				options.controlApi = false;
				break;
			case '--verbose':
				verbose = true;
				break;
			case '--help':
			case '-h':
				help = true;
				break;
			default:
				throw new EmulatorOptionsError(`unknown flag ${flag}`);
		}
	}
	return { options, verbose, help };
}

/** `ID:NAME,ID:NAME` (a name may hold spaces, not commas). */
function templateList(flag: string, raw: string): TemplateInfo[] {
	return raw
		.split(',')
		.filter((entry) => entry.trim().length > 0)
		.map((entry) => {
			const colon = entry.indexOf(':');
			if (colon === -1) throw new EmulatorOptionsError(`${flag}: ID:NAME, not ${entry}`);
			return { id: integer(flag, entry.slice(0, colon)), name: entry.slice(colon + 1).trim() };
		});
}

/** `MS` (always that long) or `MIN-MAX`. */
function delayRange(flag: string, raw: string): [number, number] {
	const parts = raw.split('-');
	if (parts.length > 2) throw new EmulatorOptionsError(`${flag}: MS or MIN-MAX, not ${raw}`);
	const min = number(flag, parts[0] ?? '');
	return [min, parts.length === 2 ? number(flag, parts[1] ?? '') : min];
}

function number(flag: string, raw: string): number {
	const parsed = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(parsed))
		throw new EmulatorOptionsError(`${flag}: not a number: ${raw}`);
	return parsed;
}

function integer(flag: string, raw: string): number {
	const parsed = number(flag, raw);
	if (!Number.isInteger(parsed)) throw new EmulatorOptionsError(`${flag}: not an integer: ${raw}`);
	return parsed;
}
