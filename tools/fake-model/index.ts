/** A scripted OpenAI-compatible chat model over real HTTP: test tooling, never shipped in dist. */
export { startFakeModel } from './server';
export type {
	ChatMessage,
	ChatRequestBody,
	FakeModel,
	FakeModelOptions,
	RecordedModelRequest,
	ScriptedToolCall,
	ScriptTurn,
	ToolDefinition,
} from './server';
