import { OPERATIONS } from './resources';

export { OPERATIONS, type Operation } from './resources';

const SUBTITLES = Object.fromEntries(
	Object.entries(OPERATIONS).map(([operation, { subtitle }]) => [operation, subtitle]),
);

/** The node's subtitle: an n8n expression that looks the operation up. */
export const OPERATION_SUBTITLE = `={{ ${JSON.stringify(SUBTITLES)}[$parameter["operation"]] }}`;
