DROP INDEX "consignments_batch";--> statement-breakpoint
ALTER TABLE "consignments" ADD COLUMN "line_no" integer;--> statement-breakpoint
UPDATE "consignments" c SET "line_no" = l."line_no" FROM "consignment_batch_lines" l WHERE l."batch_id" = c."batch_id" AND l."consignment_id" = c."consignment_id" AND l."accepted";--> statement-breakpoint
UPDATE "consignments" SET "line_no" = 0 WHERE "line_no" IS NULL;--> statement-breakpoint
ALTER TABLE "consignments" ALTER COLUMN "line_no" SET NOT NULL;--> statement-breakpoint
DELETE FROM "consignment_batch_lines" WHERE "accepted";--> statement-breakpoint
CREATE INDEX "consignments_batch_line" ON "consignments" USING btree ("batch_id","line_no");
