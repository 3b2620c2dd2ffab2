CREATE TABLE "search_references" (
	"term_key" text PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"codes" jsonb NOT NULL,
	"note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
