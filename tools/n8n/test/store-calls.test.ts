import { countStoreCalls, loggedStatements, storeCallKind } from '../store-calls';

const at = (pid: number) => `2026-01-01 00:00:00.000 UTC [${pid}]`;

/** Statements as Postgres 15 logs them for n8n 2.41 (log_statement=all, no parameters). */
const LOG = [
	`${at(10)} LOG:  execute <unnamed>: INSERT INTO "public"."binary_data"("updatedAt", "createdAt", "fileId", "sourceType", "sourceId", "data", "mimeType", "fileName", "fileSize") VALUES (DEFAULT, DEFAULT, $1, $2, $3, $4, $5, $6, $7) RETURNING "updatedAt", "createdAt"`,
	`${at(11)} LOG:  execute <unnamed>: SELECT COUNT(1) AS "cnt" FROM "public"."credentials_entity" "CredentialsEntity" WHERE (("CredentialsEntity"."id" IN ($1)) AND ("CredentialsEntity"."isResolvable" = $2))`,
	`${at(11)} LOG:  execute <unnamed>: SELECT "CredentialsEntity"."id" AS "CredentialsEntity_id" FROM "public"."credentials_entity" "CredentialsEntity" WHERE (("CredentialsEntity"."id" IN ($1)) AND ("CredentialsEntity"."usageScope" != $2))`,
	`${at(12)} LOG:  execute <unnamed>: SELECT "BinaryDataFile"."mimeType" AS "BinaryDataFile_mimeType", "BinaryDataFile"."fileSize" AS "BinaryDataFile_fileSize" FROM "public"."binary_data" "BinaryDataFile" WHERE (("BinaryDataFile"."fileId" = $1)) LIMIT 1`,
	`${at(12)} LOG:  execute <unnamed>: SELECT "BinaryDataFile"."data" AS "BinaryDataFile_data", "BinaryDataFile"."fileId" AS "BinaryDataFile_fileId" FROM "public"."binary_data" "BinaryDataFile" WHERE (("BinaryDataFile"."fileId" = $1)) LIMIT 1`,
	`${at(12)} LOG:  execute <unnamed>: SELECT "CredentialsEntity"."id" AS "CredentialsEntity_id", "CredentialsEntity"."name" AS "CredentialsEntity_name", "CredentialsEntity"."data" AS "CredentialsEntity_data" FROM "public"."credentials_entity" "CredentialsEntity"`,
	`\tWHERE (("CredentialsEntity"."id" = $1)) LIMIT 1`,
	`${at(12)} LOG:  statement: BEGIN`,
	`${at(12)} LOG:  execute <unnamed>: UPDATE "public"."execution_entity" SET "status" = $1 WHERE "id" = $2`,
	`${at(12)} DETAIL:  parameters: $1 = 'success'`,
	`${at(13)} LOG:  execute <unnamed>: DELETE FROM "public"."binary_data" WHERE "sourceType" = $1`,
	'',
].join('\n');

test('multi-line statements are joined; DETAIL and other entries end them', () => {
	const statements = loggedStatements(LOG);
	expect(statements).toHaveLength(9);
	expect(statements[5]).toMatch(/"CredentialsEntity_data" FROM .*\n\tWHERE/s);
	expect(statements[7]).toBe(
		'UPDATE "public"."execution_entity" SET "status" = $1 WHERE "id" = $2',
	);
});

test('each statement on the two tables is counted by kind, others not at all', () => {
	const statements = loggedStatements(LOG);
	expect(statements.map(storeCallKind)).toEqual([
		'binaryOther',
		'credentialOther',
		'credentialOther',
		'binaryMetadata',
		'binaryRead',
		'credentialLoad',
		null,
		null,
		'binaryOther',
	]);
	expect(countStoreCalls(statements)).toEqual({
		credentialLoad: 1,
		credentialOther: 2,
		binaryMetadata: 1,
		binaryRead: 1,
		binaryOther: 2,
	});
});
