import type { INodePropertyOptions } from 'n8n-workflow';

import { fieldLabel } from '../output/labels';

/** The documented field keys a user can black out whole (Also Black Out), by label: IDs'… */
const ID_FIELD_KEYS = [
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

/** …and business registration certificates' (clova-products.md). */
const BUSINESS_FIELD_KEYS = [
	'bisAddress',
	'birth',
	'coRepName',
	'coRepSocialNum',
	'companyName',
	'corpName',
	'corpRegisterNum',
	'headAddress',
	'openDate',
	'registerNumber',
	'repName',
	'socialNumber',
] as const;

function idOptionLabel(field: string): string {
	if (field === 'num') return 'License or Passport Number (num)';
	if (field === 'type') return 'License or Passport Type (type)';
	return `${fieldLabel('unknown', field)} (${field})`;
}

export const REDACTABLE_FIELDS: INodePropertyOptions[] = [
	...ID_FIELD_KEYS.map((field) => ({ name: idOptionLabel(field), value: field })),
	...BUSINESS_FIELD_KEYS.map((field) => ({
		name: `${fieldLabel('businessRegistration', field)} (${field})`,
		value: field,
	})),
].sort((a, b) => a.name.localeCompare(b.name));
