CREATE TABLE "commitment_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"area_code" text NOT NULL,
	"paragraph" integer,
	"agreement_code" text,
	"clause_key" text,
	"party_codes" text[] NOT NULL,
	"owner_unit_id" uuid,
	"owner_body" jsonb,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"due_by" date,
	"due_period" text,
	"status" text NOT NULL,
	"status_reason" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commitments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "cooperation_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"paragraphs" integer[] NOT NULL,
	"name" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"comparator" text NOT NULL,
	"value" double precision NOT NULL,
	"measure" text NOT NULL,
	"period" text,
	"date" date,
	"text" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"commitment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" jsonb NOT NULL,
	"unit" text NOT NULL,
	"baseline_value" double precision,
	"baseline_period" text,
	"baseline_date" date,
	"derivation" text,
	CONSTRAINT "indicators_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"period" text,
	"date" date,
	"as_of" date NOT NULL,
	"qualifier" text NOT NULL,
	"source" jsonb NOT NULL,
	"entered_by" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plenary_decisions" (
	"plenary_code" text NOT NULL,
	"commitment_id" uuid NOT NULL,
	"text" jsonb NOT NULL,
	CONSTRAINT "plenary_decisions_plenary_code_commitment_id_pk" PRIMARY KEY("plenary_code","commitment_id")
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"as_of" date NOT NULL,
	"area_codes" text[] NOT NULL,
	"unit_id" uuid,
	"narrative" jsonb NOT NULL,
	"drafted_figures" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" text,
	"snapshot" jsonb,
	"snapshot_hash" text
);
--> statement-breakpoint
ALTER TABLE "commitment_status_changes" ADD CONSTRAINT "commitment_status_changes_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_area_code_cooperation_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."cooperation_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_agreement_code_agreements_code_fk" FOREIGN KEY ("agreement_code") REFERENCES "public"."agreements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plenary_decisions" ADD CONSTRAINT "plenary_decisions_plenary_code_plenaries_code_fk" FOREIGN KEY ("plenary_code") REFERENCES "public"."plenaries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plenary_decisions" ADD CONSTRAINT "plenary_decisions_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measurements_indicator_idx" ON "measurements" USING btree ("indicator_id","as_of");