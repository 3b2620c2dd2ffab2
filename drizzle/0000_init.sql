CREATE TABLE "counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"alpha2" text PRIMARY KEY NOT NULL,
	"alpha3" text NOT NULL,
	"numeric" text NOT NULL,
	"name_en" text NOT NULL,
	"currency" text NOT NULL,
	"ldc" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "currencies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"numeric" text NOT NULL,
	"minor_unit" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "declaration_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"declaration_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor" text NOT NULL,
	"version" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "declarations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"owner_id" text NOT NULL,
	"lrn" text,
	"data" jsonb NOT NULL,
	"lane" text,
	"assessment" jsonb,
	"risk" jsonb,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"currency" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text NOT NULL,
	"rate" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_currency_valid_from_pk" PRIMARY KEY("currency","valid_from")
);
--> statement-breakpoint
CREATE TABLE "hs_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"parent" text NOT NULL,
	"level" integer NOT NULL,
	"section" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"principal_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_principal_id_key_pk" PRIMARY KEY("principal_id","key")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"locode" text PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"name" text NOT NULL,
	"name_ascii" text NOT NULL,
	"subdivision" text NOT NULL,
	"functions" text NOT NULL,
	"is_seaport" boolean NOT NULL,
	"is_airport" boolean NOT NULL,
	"iata" text NOT NULL,
	"coordinates" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"msg_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"corporate_number" text,
	"country" text NOT NULL,
	"aeo_status" text DEFAULT 'none' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "principals" (
	"id" text PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"key_prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"party_id" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_datasets" (
	"name" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"version" text NOT NULL,
	"checksum" text NOT NULL,
	"row_count" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tariff_lines" (
	"row_id" integer PRIMARY KEY NOT NULL,
	"chapter" text NOT NULL,
	"level" integer NOT NULL,
	"parent_row_id" integer,
	"stat_code" text NOT NULL,
	"stat_suffix" text NOT NULL,
	"code9" text NOT NULL,
	"is_leaf" boolean NOT NULL,
	"description_ja" text NOT NULL,
	"description_path_ja" text NOT NULL,
	"rates" jsonb NOT NULL,
	"unit_1" text NOT NULL,
	"unit_2" text NOT NULL,
	"other_laws" jsonb NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "declaration_events_seq" ON "declaration_events" USING btree ("declaration_id","seq");--> statement-breakpoint
CREATE INDEX "declarations_owner" ON "declarations" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "declarations_status" ON "declarations" USING btree ("status","lane","created_at");--> statement-breakpoint
CREATE INDEX "locations_country" ON "locations" USING btree ("country");--> statement-breakpoint
CREATE INDEX "outbox_unpublished" ON "outbox" USING btree ("id") WHERE published_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "principals_key_prefix" ON "principals" USING btree ("key_prefix");--> statement-breakpoint
CREATE INDEX "tariff_lines_code9" ON "tariff_lines" USING btree ("code9");--> statement-breakpoint
CREATE INDEX "tariff_lines_stat_code" ON "tariff_lines" USING btree ("stat_code");