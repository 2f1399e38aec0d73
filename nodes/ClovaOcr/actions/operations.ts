import type { INodePropertyOptions } from 'n8n-workflow';

import type { DocumentType } from '../model/documentTypes';

export type Operation = 'recognizeIdCard' | 'recognizeDriverLicense' | 'recognizeAnyId';

interface OperationInfo {
	option: INodePropertyOptions;
	/** The document this operation accepts; null accepts whatever the service identifies. */
	expects: DocumentType | null;
}

/** The three operations share one endpoint and one flow; they differ in the document they accept. */
export const OPERATIONS: Record<Operation, OperationInfo> = {
	recognizeIdCard: {
		expects: 'idCard',
		option: {
			name: 'Recognize Resident Registration Card',
			value: 'recognizeIdCard',
			description: 'Read a Korean resident registration card (주민등록증)',
			action: 'Recognize a resident registration card',
		},
	},
	recognizeDriverLicense: {
		expects: 'driverLicense',
		option: {
			name: "Recognize Driver's License",
			value: 'recognizeDriverLicense',
			description: "Read a Korean driver's license (운전면허증)",
			action: "Recognize a driver's license",
		},
	},
	recognizeAnyId: {
		expects: null,
		option: {
			name: 'Recognize Any ID',
			value: 'recognizeAnyId',
			description:
				"Read whichever ID CLOVA OCR identifies: resident registration card, driver's license, passport or alien registration card",
			action: 'Recognize any ID',
		},
	},
};
