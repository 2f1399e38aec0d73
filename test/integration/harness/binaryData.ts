import { Container } from '@n8n/di';
import { BinaryDataConfig, BinaryDataService } from 'n8n-core';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BinaryMode = 'default' | 'filesystem';

export const WORKFLOW_ID = 'clova-ocr-integration';
export const EXECUTION_ID = '1';

let currentMode: BinaryMode | undefined;
/** the temp folders this test file made; its files hold the test's images, 100 MB in some */
const madeFolders: string[] = [];

function madeFolder(prefix: string): string {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	madeFolders.push(folder);
	return folder;
}

/** Removes the folders useBinaryMode made (integration setup, after each test file). */
export function removeBinaryFolders(): void {
	for (const folder of madeFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Switches n8n's binary data service between in-memory (`default`) and `filesystem` storage. */
export async function useBinaryMode(mode: BinaryMode): Promise<void> {
	if (currentMode === mode) return;
	process.env.N8N_USER_FOLDER ??= madeFolder('clova-ocr-n8n-');
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
	const config = Container.get(BinaryDataConfig);
	config.mode = mode;
	config.availableModes = ['default', 'filesystem'];
	config.localStoragePath = madeFolder('clova-ocr-binary-');
	await Container.get(BinaryDataService).init();
	currentMode = mode;
}

/** An input item holding a file the way an upstream node (Read File, HTTP Request) would leave it. */
export async function binaryItem(
	bytes: Buffer,
	fileName: string | undefined,
	mimeType = 'image/jpeg',
	property = 'data',
): Promise<INodeExecutionData> {
	const stored: IBinaryData = await Container.get(BinaryDataService).store(
		{ type: 'execution', workflowId: WORKFLOW_ID, executionId: EXECUTION_ID },
		bytes,
		{ data: '', mimeType, ...(fileName ? { fileName } : {}) },
	);
	return { json: {}, binary: { [property]: stored } };
}
