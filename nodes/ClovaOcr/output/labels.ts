import type { DocumentType } from '../model/documentTypes';
import { DOCUMENT_SPECIFIC_LABELS, FIELD_LABELS } from '../model/fieldLabels';

/** Documents whose fields a person named (a form's template): the name is the label. */
const OWN_NAMES: ReadonlySet<DocumentType> = new Set(['template', 'text']);

/** "someNewKey" → "Some New Key", for keys the service adds later. */
function humanize(key: string): string {
	const words = key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/[_-]+/g, ' ')
		.trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Own keys only: field keys are service data, and `constructor` is a field name like any other. */
function ownLabel(labels: Record<string, string> | undefined, field: string): string | undefined {
	return labels !== undefined && Object.prototype.hasOwnProperty.call(labels, field)
		? labels[field]
		: undefined;
}

export function fieldLabel(documentType: DocumentType, field: string): string {
	if (OWN_NAMES.has(documentType)) return field;
	return (
		ownLabel(DOCUMENT_SPECIFIC_LABELS[documentType], field) ??
		ownLabel(FIELD_LABELS, field) ??
		humanize(field)
	);
}
