import type { INodeProperties } from 'n8n-workflow';

import { requestOptionProperties } from './actions/requestOptions';
import { resourceProperties } from './actions/resources';
import { REDACTABLE_FIELDS } from './actions/redactableFields';
import { IMAGE_TEXT_DESCRIPTION } from './actions/toolDescription';

/** Outputs that can come with a redacted copy: all but the raw response. */
const REDACTABLE_OUTPUTS = ['fields', 'document', 'lines', 'words', 'text', 'tables'];

export const nodeProperties: INodeProperties[] = [
	...resourceProperties,
	{
		displayName: 'Image Source',
		name: 'imageSource',
		type: 'options',
		options: [
			{
				name: 'Binary Field',
				value: 'binary',
				description:
					'A file in an input binary field (from Read/Write Files from Disk, HTTP Request, Google Drive, a form…)',
			},
			{
				name: 'URL',
				value: 'url',
				description: 'Download the image from a URL (handy when an AI agent calls this node)',
			},
			{
				name: 'Base64 Text',
				value: 'base64',
				description: 'The image as base64 text; a data: URL works too',
			},
			{
				name: 'URL or Base64 (for AI Agents)',
				value: 'urlOrBase64',
				description:
					'One text field that takes either a URL or base64 text, told apart by its start: let an AI Agent fill it with whichever it has',
			},
		],
		default: 'binary',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'data',
		hint: 'The name of the input binary field holding the photo or scan (JPEG, PNG, PDF or TIFF)',
		displayOptions: { show: { imageSource: ['binary'] } },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/card-front.jpg',
		description: 'An http(s) URL of a JPEG, PNG, PDF or TIFF file, downloaded by n8n',
		displayOptions: { show: { imageSource: ['url'] } },
	},
	{
		displayName: 'Base64 Image',
		name: 'imageBase64',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'The content of a JPEG, PNG, PDF or TIFF file, base64-encoded',
		displayOptions: { show: { imageSource: ['base64'] } },
	},
	{
		displayName: 'Image',
		name: 'image',
		type: 'string',
		default: '',
		// Not `required`: n8n would then refuse workflows whose Image Source is an expression
		// (it checks every parameter such an expression may show); an empty Image fails at run time.
		placeholder: 'https://example.com/card-front.jpg or data:image/jpeg;base64,/9j/…',
		description: IMAGE_TEXT_DESCRIPTION,
		displayOptions: { show: { imageSource: ['urlOrBase64'] } },
	},
	{
		displayName: 'Image Name',
		name: 'imageName',
		type: 'string',
		default: '',
		placeholder: 'card-front.jpg',
		description:
			'The name sent to CLOVA OCR and returned as imageName. Default: the file name in the URL, or image-1.jpg.',
		displayOptions: { show: { imageSource: ['url', 'base64', 'urlOrBase64'] } },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Item per Field',
				value: 'fields',
				description:
					'One item per recognized field (field, label, text, value, confidence, position), ready for a spreadsheet row each',
			},
			{
				name: 'One Item per Document',
				value: 'document',
				description: 'One item per image, with one column per recognized field',
			},
			{
				name: 'Raw Response',
				value: 'raw',
				description: "The service's result for the image, as returned",
			},
		],
		default: 'fields',
		// Read Text has outputs of its own (actions/text/text.resource.ts).
		displayOptions: { hide: { resource: ['text'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Redacted Image',
				name: 'redactedImage',
				type: 'boolean',
				default: false,
				description:
					'Whether to add a copy of the image with the masking regions (the back digits of registration and license numbers) filled black and its metadata removed, in the binary field Redacted Image Field. JPEG and PNG only; the input file is not passed on.',
				displayOptions: { show: { '/output': [...REDACTABLE_OUTPUTS] } },
			},
			{
				displayName: 'Allow Private Network URLs',
				name: 'allowPrivateHosts',
				type: 'boolean',
				default: false,
				description:
					'Whether the Image URL may point at loopback, private (10.x, 172.16-31.x, 192.168.x), link-local and other non-public hosts, or at internal host names (single-label names, *.internal, *.local, *.svc, …), for a file server on your own network. Off by default, so a URL an AI agent fills in cannot reach internal services or the cloud metadata address.',
				displayOptions: { show: { '/imageSource': ['url', 'urlOrBase64'] } },
			},
			{
				displayName: 'Also Black Out',
				name: 'redactFields',
				type: 'multiOptions',
				options: REDACTABLE_FIELDS,
				default: [],
				description:
					'Fields whose whole bounding boxes are blacked out in the redacted copy too, on top of the masking regions',
				displayOptions: {
					show: { '/output': ['fields', 'document'], redactedImage: [true] },
					hide: { '/resource': ['text', 'template'] },
				},
			},
			{
				displayName: 'Detect Tables',
				name: 'tableDetection',
				type: 'boolean',
				default: false,
				description:
					"Whether to ask General OCR for tables too (enableTableDetection). The domain's table extraction must be on in the CLOVA OCR console.",
				displayOptions: { show: { '/resource': ['text'] } },
			},
			{
				displayName: 'First Row Is Header',
				name: 'firstRowIsHeader',
				type: 'boolean',
				default: false,
				description:
					"Whether each table's first row names its columns. Off: the columns are named column1, column2 and so on.",
				displayOptions: { show: { '/resource': ['text'], '/output': ['tables'] } },
			},
			{
				displayName: 'Include Polygons',
				name: 'includePolygons',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the boundingPolys and maskingPolys arrays (the regions to black out before storing the image) to each field item',
				displayOptions: { show: { '/output': ['fields', 'words'] } },
			},
			{
				displayName: 'Languages',
				name: 'languages',
				type: 'multiOptions',
				options: [
					{ name: 'Chinese (Traditional)', value: 'zh-TW' },
					{ name: 'English', value: 'en' },
					{ name: 'Japanese', value: 'ja' },
					{ name: 'Korean', value: 'ko' },
				],
				default: [],
				description:
					"The languages the text is in (lang). None: the domain's default (Korean and English).",
				displayOptions: { show: { '/resource': ['text', 'template'] } },
			},
			{
				displayName: 'Minimum Confidence',
				name: 'minConfidence',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0,
				description:
					'Flag values read with a lower confidence score (0 to 1) as needsReview, with the reason in warnings. 0 turns the check off.',
				displayOptions: { hide: { '/resource': ['text'] } },
			},
			{
				displayName: 'Redacted Image Field',
				name: 'redactedBinaryPropertyName',
				type: 'string',
				default: 'redacted',
				placeholder: 'redacted',
				description:
					'The output binary field that holds the redacted copy (the same stored file on every item of an image)',
				displayOptions: { show: { '/output': [...REDACTABLE_OUTPUTS], redactedImage: [true] } },
			},
			{
				displayName: 'Reveal Sensitive Values',
				name: 'revealSensitiveValues',
				type: 'boolean',
				default: false,
				description:
					"Whether to output resident and alien registration numbers (a business representative's too) in full. By default they keep at most their first 7 digits (800101-1******) whatever the OCR text looks like, as Korean privacy rules require for stored copies. The Raw Response output is never masked.",
			},
			{
				displayName: 'Template IDs',
				name: 'templateIds',
				type: 'string',
				default: '',
				placeholder: '390, 391',
				description:
					'The IDs of the deployed templates to match the image against, separated by commas. Empty: every template deployed in the domain.',
				displayOptions: { show: { '/resource': ['template'] } },
			},
			{
				displayName: 'Upload Mode',
				name: 'uploadMode',
				type: 'options',
				options: [
					{
						name: 'Multipart',
						value: 'multipart',
						description: 'Send the file as it is (smaller requests)',
					},
					{
						name: 'JSON (Base64)',
						value: 'json',
						description: 'Send the file base64-encoded inside a JSON body',
					},
				],
				default: 'multipart',
			},
			...requestOptionProperties,
		],
	},
];
