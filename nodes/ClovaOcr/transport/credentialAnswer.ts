import { isBodyStream, readBoundedBody } from '../input/boundedBody';

/** The most of an answer the credential test reads: CLOVA's error bodies are under 1 KiB. */
export const MAX_CREDENTIAL_ANSWER_BYTES = 64 * 1024;

/**
 * The answer's body as text, read up to MAX_CREDENTIAL_ANSWER_BYTES before `deadline`; null
 * when it is longer (the stream is then destroyed, its connection closed). Throws when the
 * body breaks off or the deadline passes. A helper that buffered the body anyway (no stream)
 * still has it cut at the cap before anything parses it.
 */
export async function readCredentialAnswer(
	body: unknown,
	deadline: AbortSignal,
): Promise<string | null> {
	if (isBodyStream(body)) {
		const read = await readBoundedBody(body, MAX_CREDENTIAL_ANSWER_BYTES, deadline);
		return read.ok ? read.bytes.toString('utf8') : null;
	}
	const bytes = Buffer.isBuffer(body)
		? body
		: Buffer.from(typeof body === 'string' ? body : '', 'utf8');
	return bytes.length > MAX_CREDENTIAL_ANSWER_BYTES ? null : bytes.toString('utf8');
}
