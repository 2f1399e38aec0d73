import type { INodePropertyOptions } from 'n8n-workflow';

import type { DocumentType } from '../model/documentTypes';

export type Operation = 'recognizeIdCard' | 'recognizeDriverLicense' | 'recognizeAnyId';

interface OperationInfo {
	option: INodePropertyOptions;
	/** Shown under the node's name on the canvas. */
	subtitle: string;
	/** The document this operation accepts; null accepts whatever the service identifies. */
	expects: DocumentType | null;
}

/** The three operations share one endpoint and one flow; they differ in the document they accept. */
export const OPERATIONS: Record<Operation, OperationInfo> = {
	recognizeIdCard: {
		expects: 'idCard',
		subtitle: 'Resident Registration Card',
		option: {
			name: 'Recognize Resident Registration Card',
			value: 'recognizeIdCard',
			description: 'Read a Korean resident registration card (주민등록증)',
			action: 'Recognize a resident registration card',
		},
	},
	recognizeDriverLicense: {
		expects: 'driverLicense',
		subtitle: "Driver's License",
		option: {
			name: "Recognize Driver's License",
			value: 'recognizeDriverLicense',
			description: "Read a Korean driver's license (운전면허증)",
			action: "Recognize a driver's license",
		},
	},
	recognizeAnyId: {
		expects: null,
		subtitle: 'Any ID',
		option: {
			name: 'Recognize Any ID',
			value: 'recognizeAnyId',
			description:
				"Read whichever ID CLOVA OCR identifies: resident registration card, driver's license, passport or alien registration card",
			action: 'Recognize any ID',
		},
	},
};

const SUBTITLES = Object.fromEntries(
	Object.entries(OPERATIONS).map(([operation, { subtitle }]) => [operation, subtitle]),
);

/** The node's subtitle: an n8n expression that looks the operation up. */
export const OPERATION_SUBTITLE = `={{ ${JSON.stringify(SUBTITLES)}[$parameter["operation"]] }}`;
