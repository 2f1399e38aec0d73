import type { DocumentType } from '../model/documentTypes';
import type { CheckResult } from './checkResult';

export type { DocumentType };

export type Sex = 'male' | 'female';

export interface ValidationContext {
	documentType: DocumentType;
	/** YYYY-MM-DD; every "today"-relative rule uses this, never the clock. */
	runDate: string;
	/** field key -> normalized values */
	fields: Record<string, string[]>;
}

export type DocumentValidationResult = CheckResult & {
	checks: Record<string, boolean | null>;
	licenseClasses?: string[];
	renewalOverdue?: boolean | null;
	/** Passports: the expiry date is before the run date. */
	expired?: boolean | null;
	birthDate?: string | null;
	/** Receipts: `totalPrice.price` and the items' sum, as numbers. */
	total?: number | null;
	itemsTotal?: number | null;
	sex?: Sex | null;
};
