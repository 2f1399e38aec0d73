import type {
	ExecutionBaseError,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createDeferredPromise, createRunExecutionData, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { mock } from 'jest-mock-extended';

import { TestCredentialsHelper } from './credentialsHelper';
import { WORKFLOW_ID } from './binaryData';
import { loadPackage, NODE_TYPE } from './packageTypes';

export const NODE_NAME = 'CLOVA OCR';

export interface RunOptions {
	parameters: INodeParameters;
	items: INodeExecutionData[];
	credentials: { invokeUrl: string; secretKey: string };
	onError?: INode['onError'];
	/** Receives the execution's cancel (what n8n's Stop button calls) once it runs. */
	onStarted?: (cancel: () => void) => void;
}

export interface RunResult {
	/** Items on the node's main output. */
	items: INodeExecutionData[];
	/** Items on the error output (only with On Error: Continue (using error output)). */
	errorItems: INodeExecutionData[];
	/** The error that stopped the node, if any. */
	error?: ExecutionBaseError;
	run: IRun;
	/** How many times the node loaded its credential (a database query each in n8n). */
	credentialLoads: number;
}

/**
 * Executes the CLOVA OCR node inside n8n's real engine (WorkflowExecute),
 * loaded from `dist` the way n8n loads a package, with `items` as its input.
 */
export async function runClovaNode(options: RunOptions): Promise<RunResult> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const node: INode = {
		id: 'clova-ocr-node',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { clovaOcrApi: { id: '1', name: 'CLOVA OCR account' } },
		...(options.onError ? { onError: options.onError } : {}),
	};
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});

	const hooks = new ExecutionLifecycleHooks('manual', '1', mock());
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => finished.resolve(run));
	const additionalData = mock<IWorkflowExecuteAdditionalData>();
	additionalData.hooks = hooks;
	additionalData.currentNodeParameters = undefined;
	additionalData.executionId = '1';
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, {
		clovaOcrApi: options.credentials,
	});
	additionalData.credentialsHelper = credentialsHelper;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [options.items] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	options.onStarted?.(() => execution.cancel());
	await execution;
	const run = await finished.promise;
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		errorItems: taskData?.data?.main?.[1] ?? [],
		error: taskData?.error,
		run,
		credentialLoads: credentialsHelper.loads.clovaOcrApi ?? 0,
	};
}
