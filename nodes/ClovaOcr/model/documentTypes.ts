export type DocumentType =
	| 'idCard'
	| 'driverLicense'
	| 'passport'
	| 'alienRegistrationCard'
	| 'unknown';

interface DocumentTypeInfo {
	/** The key under `idCard.result` that holds this document's fields. */
	resultKey: string;
	/** What the service writes in `idtype`. */
	idType: string;
	/** How the node names it in messages. */
	displayName: string;
	/** Fields without which the document cannot be used: a missing one asks for review. */
	keyFields: readonly string[];
}

export const DOCUMENT_TYPES: Record<Exclude<DocumentType, 'unknown'>, DocumentTypeInfo> = {
	idCard: {
		resultKey: 'ic',
		idType: 'ID Card',
		displayName: 'resident registration card',
		keyFields: ['personalNum'],
	},
	driverLicense: {
		resultKey: 'dl',
		idType: "Driver's License",
		displayName: "driver's license",
		keyFields: ['num', 'personalNum'],
	},
	passport: { resultKey: 'pp', idType: 'Passport', displayName: 'passport', keyFields: ['num'] },
	alienRegistrationCard: {
		resultKey: 'ac',
		idType: 'Alien Registration Card',
		displayName: 'alien registration card',
		keyFields: ['alienRegNum'],
	},
};

const KNOWN = Object.entries(DOCUMENT_TYPES) as Array<
	[Exclude<DocumentType, 'unknown'>, DocumentTypeInfo]
>;

export function documentTypeOfResultKey(resultKey: string): DocumentType {
	return KNOWN.find(([, info]) => info.resultKey === resultKey)?.[0] ?? 'unknown';
}

export function documentTypeOfIdType(idType: string | undefined): DocumentType {
	const wanted = idType?.trim().toLowerCase();
	return KNOWN.find(([, info]) => info.idType.toLowerCase() === wanted)?.[0] ?? 'unknown';
}

/** The documented `idtype` string of a known document type; null for anything else. */
export function documentedIdType(idType: string | null | undefined): string | null {
	const type = documentTypeOfIdType(idType ?? undefined);
	return type === 'unknown' ? null : DOCUMENT_TYPES[type].idType;
}

/** The key fields of a document type; none for an unknown document. */
export function keyFieldsOf(documentType: DocumentType): readonly string[] {
	return documentType === 'unknown' ? [] : DOCUMENT_TYPES[documentType].keyFields;
}

export function withArticle(noun: string): string {
	return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
