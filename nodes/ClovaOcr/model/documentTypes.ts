/** The documents the ID-card model tells apart (`ic`, `dl`, `pp`, `ac`). */
export type IdDocumentType = 'idCard' | 'driverLicense' | 'passport' | 'alienRegistrationCard';

/**
 * What an item's `documentType` says: an ID the ID-card model identified, or the document of
 * another model (its Document Model name: `receipt`, `creditCard`, `nameCard`, and `passport`
 * for the foreign-passport model), text read by General OCR (`text`) or a form read by
 * Template OCR (`template`).
 */
export type DocumentType =
	| IdDocumentType
	| 'businessRegistration'
	| 'receipt'
	| 'creditCard'
	| 'nameCard'
	| 'text'
	| 'template'
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

export const DOCUMENT_TYPES: Record<IdDocumentType, DocumentTypeInfo> = {
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

const KNOWN = Object.entries(DOCUMENT_TYPES) as Array<[IdDocumentType, DocumentTypeInfo]>;

export function documentTypeOfResultKey(resultKey: string): IdDocumentType | 'unknown' {
	return KNOWN.find(([, info]) => info.resultKey === resultKey)?.[0] ?? 'unknown';
}

export function documentTypeOfIdType(idType: string | undefined): IdDocumentType | 'unknown' {
	const wanted = idType?.trim().toLowerCase();
	return KNOWN.find(([, info]) => info.idType.toLowerCase() === wanted)?.[0] ?? 'unknown';
}

/** The documented `idtype` string of a known document type; null for anything else. */
export function documentedIdType(idType: string | null | undefined): string | null {
	const type = documentTypeOfIdType(idType ?? undefined);
	return type === 'unknown' ? null : DOCUMENT_TYPES[type].idType;
}

export function isIdDocumentType(documentType: DocumentType): documentType is IdDocumentType {
	return Object.prototype.hasOwnProperty.call(DOCUMENT_TYPES, documentType);
}

/** The key fields of an ID; none for other documents (their products check their own). */
export function keyFieldsOf(documentType: DocumentType): readonly string[] {
	return isIdDocumentType(documentType) ? DOCUMENT_TYPES[documentType].keyFields : [];
}

export function withArticle(noun: string): string {
	return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
