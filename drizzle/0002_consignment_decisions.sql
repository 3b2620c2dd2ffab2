CREATE TABLE "consignment_batch_progress" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"decided" integer DEFAULT 0 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consignment_decisions" (
	"owner_id" text NOT NULL,
	"consignment_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"status" text NOT NULL,
	"lane" text,
	"assessment" json,
	"risk" json,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consignment_decisions_owner_id_consignment_id_pk" PRIMARY KEY("owner_id","consignment_id")
);
--> statement-breakpoint
-- Carry what earlier versions stored: decided consignments' clearances and each batch's counters.
INSERT INTO "consignment_decisions" ("owner_id", "consignment_id", "batch_id", "status", "lane", "assessment", "risk", "decided_at")
  SELECT "owner_id", "consignment_id", "batch_id", "status", "lane", "assessment"::json, "risk"::json, coalesce("decided_at", now())
  FROM "consignments" WHERE "status" <> 'accepted';--> statement-breakpoint
INSERT INTO "consignment_batch_progress" ("batch_id", "accepted", "rejected", "decided", "at")
  SELECT "id", "accepted_lines", "rejected_lines", "decided", coalesce("completed_at", "created_at") FROM "consignment_batches";--> statement-breakpoint
DROP INDEX "consignments_batch";--> statement-breakpoint
ALTER TABLE "consignments" ALTER COLUMN "data" SET DATA TYPE json USING "data"::json;--> statement-breakpoint
ALTER TABLE "consignment_batches" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "consignment_batches" ADD COLUMN "swept_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "consignment_batch_progress_batch" ON "consignment_batch_progress" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "consignments_batch" ON "consignments" USING btree ("batch_id");--> statement-breakpoint
ALTER TABLE "consignment_batches" DROP COLUMN "accepted_lines";--> statement-breakpoint
ALTER TABLE "consignment_batches" DROP COLUMN "rejected_lines";--> statement-breakpoint
ALTER TABLE "consignment_batches" DROP COLUMN "decided";--> statement-breakpoint
ALTER TABLE "consignments" DROP COLUMN "status";--> statement-breakpoint
ALTER TABLE "consignments" DROP COLUMN "lane";--> statement-breakpoint
ALTER TABLE "consignments" DROP COLUMN "assessment";--> statement-breakpoint
ALTER TABLE "consignments" DROP COLUMN "risk";--> statement-breakpoint
ALTER TABLE "consignments" DROP COLUMN "decided_at";