CREATE TABLE "advance_cargo" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"master_awb" text NOT NULL,
	"house_awb" text,
	"data" jsonb NOT NULL,
	"matched_consignment_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consignment_batch_lines" (
	"batch_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"consignment_id" text,
	"accepted" boolean NOT NULL,
	"problems" jsonb,
	CONSTRAINT "consignment_batch_lines_batch_id_line_no_pk" PRIMARY KEY("batch_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "consignment_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"accepted_lines" integer DEFAULT 0 NOT NULL,
	"rejected_lines" integer DEFAULT 0 NOT NULL,
	"decided" integer DEFAULT 0 NOT NULL,
	"error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consignments" (
	"owner_id" text NOT NULL,
	"consignment_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"status" text NOT NULL,
	"lane" text,
	"assessment" jsonb,
	"risk" jsonb,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consignments_owner_id_consignment_id_pk" PRIMARY KEY("owner_id","consignment_id")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"declaration_id" text NOT NULL,
	"item_index" integer,
	"kind" text NOT NULL,
	"revenue_yen" bigint,
	"note" text NOT NULL,
	"officer_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_uses" (
	"jti" text NOT NULL,
	"arrival_key" text NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gate_uses_jti_arrival_key_pk" PRIMARY KEY("jti","arrival_key")
);
--> statement-breakpoint
CREATE TABLE "passenger_arrivals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"flight" text NOT NULL,
	"arrival_date" text NOT NULL,
	"data" jsonb NOT NULL,
	"document_key" text NOT NULL,
	"channel" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"declaration_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passenger_declarations" (
	"id" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"assessment" jsonb NOT NULL,
	"digest" text NOT NULL,
	"arrival_date" text NOT NULL,
	"flight" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_models" (
	"version" text PRIMARY KEY NOT NULL,
	"metrics" jsonb NOT NULL,
	"model" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_rules" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_rules_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"name" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watch_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier_key" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "advance_cargo_awb" ON "advance_cargo" USING btree ("master_awb","house_awb");--> statement-breakpoint
CREATE INDEX "consignments_batch" ON "consignments" USING btree ("batch_id","status");--> statement-breakpoint
CREATE INDEX "findings_declaration" ON "findings" USING btree ("declaration_id");--> statement-breakpoint
CREATE INDEX "passenger_arrivals_flight" ON "passenger_arrivals" USING btree ("flight","arrival_date");--> statement-breakpoint
CREATE INDEX "passenger_arrivals_expiry" ON "passenger_arrivals" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "passenger_declarations_expiry" ON "passenger_declarations" USING btree ("expires_at");