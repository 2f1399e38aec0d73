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
}

export const DOCUMENT_TYPES: Record<Exclude<DocumentType, 'unknown'>, DocumentTypeInfo> = {
	idCard: { resultKey: 'ic', idType: 'ID Card', displayName: 'resident registration card' },
	driverLicense: { resultKey: 'dl', idType: "Driver's License", displayName: "driver's license" },
	passport: { resultKey: 'pp', idType: 'Passport', displayName: 'passport' },
	alienRegistrationCard: {
		resultKey: 'ac',
		idType: 'Alien Registration Card',
		displayName: 'alien registration card',
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

export function withArticle(noun: string): string {
	return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
