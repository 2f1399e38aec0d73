import type { INodePropertyOptions } from 'n8n-workflow';

import { fieldLabel } from '../output/labels';

/** The documented field keys a user can black out whole (Also Black Out), by label. */
const FIELD_KEYS = [
	'address',
	'alienRegNum',
	'authority',
	'birthDate',
	'code',
	'condition',
	'expireDate',
	'givenName',
	'issueDate',
	'num',
	'name',
	'nationality',
	'organDonation',
	'personalNum',
	'renewEndDate',
	'renewStartDate',
	'sex',
	'surName',
	'type',
	'visaType',
] as const;

function optionLabel(field: string): string {
	if (field === 'num') return 'License or Passport Number (num)';
	if (field === 'type') return 'License or Passport Type (type)';
	return `${fieldLabel('unknown', field)} (${field})`;
}

export const REDACTABLE_FIELDS: INodePropertyOptions[] = FIELD_KEYS.map((field) => ({
	name: optionLabel(field),
	value: field,
})).sort((a, b) => a.name.localeCompare(b.name));
