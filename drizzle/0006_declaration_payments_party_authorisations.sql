CREATE TABLE "party_authorisations" (
	"principal_id" text NOT NULL,
	"party_id" text NOT NULL,
	"granted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_authorisations_principal_id_party_id_pk" PRIMARY KEY("principal_id","party_id")
);
--> statement-breakpoint
ALTER TABLE "declarations" ADD COLUMN "paid_yen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Payments recorded before this column lived in the assessment document. A value beyond any real payment (the API
-- once took 1e300) stays in that document, readable, rather than failing the migration.
UPDATE "declarations" SET "paid_yen" = trunc(("assessment"->>'paidYen')::numeric)::bigint
WHERE jsonb_typeof("assessment"->'paidYen') = 'number' AND ("assessment"->>'paidYen')::numeric BETWEEN 0 AND 9007199254740991;
