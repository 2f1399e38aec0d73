import type { INodeProperties } from 'n8n-workflow';

import { businessRegistrationResource } from './businessRegistration/businessRegistration.resource';
import { documentResource } from './document/document.resource';
import { idCardResource } from './idCard/idCard.resource';
import type { OperationDefinition, ResourceDefinition } from './product';
import { templateResource } from './template/template.resource';
import { textResource } from './text/text.resource';

/** The node's resources, in the order Resource lists them; the first is the default. */
export const RESOURCES = {
	idCard: idCardResource,
	businessRegistration: businessRegistrationResource,
	document: documentResource,
	text: textResource,
	template: templateResource,
} as const satisfies Record<string, ResourceDefinition>;

export type Resource = keyof typeof RESOURCES;

type OperationsOf<R> = R extends { operations: infer O } ? keyof O : never;
export type Operation = {
	[R in Resource]: OperationsOf<(typeof RESOURCES)[R]>;
}[Resource] &
	string;

export const OPERATIONS = Object.fromEntries(
	Object.values(RESOURCES).flatMap((resource: ResourceDefinition) =>
		Object.entries(resource.operations),
	),
) as Record<Operation, OperationDefinition>;

/**
 * Resource, then each resource's parameters (its Operation first). Resource defaults to ID Card, so workflows made before resources existed,
 * which have no `resource`, run as they did.
 */
export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: Object.values(RESOURCES).map(({ option }: ResourceDefinition) => option),
		default: 'idCard',
	},
	...Object.values(RESOURCES).flatMap(({ properties }: ResourceDefinition) => properties),
];
