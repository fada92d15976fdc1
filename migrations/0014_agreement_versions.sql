CREATE TABLE "agreement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_code" text NOT NULL,
	"number" integer NOT NULL,
	"agreed_by" text[] NOT NULL,
	"agreed_on" date NOT NULL,
	"in_force_from" date NOT NULL,
	"full_text_hant" text NOT NULL,
	"full_text_hans" text NOT NULL,
	"note" jsonb,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreement_versions_number" UNIQUE("agreement_code","number")
);
--> statement-breakpoint
CREATE TABLE "plenary_press_releases" (
	"plenary_code" text PRIMARY KEY NOT NULL,
	"issued_on" date NOT NULL,
	"about" jsonb NOT NULL,
	"source" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_duty_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"agreement_code" text,
	"clause_key" text,
	"post" jsonb NOT NULL,
	"name" jsonb NOT NULL,
	"phone" text NOT NULL,
	"sample" boolean NOT NULL,
	CONSTRAINT "unit_duty_contacts_post" UNIQUE("unit_id","agreement_code")
);
--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_code_agreements_code_fk" FOREIGN KEY ("agreement_code") REFERENCES "public"."agreements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plenary_press_releases" ADD CONSTRAINT "plenary_press_releases_plenary_code_plenaries_code_fk" FOREIGN KEY ("plenary_code") REFERENCES "public"."plenaries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_duty_contacts" ADD CONSTRAINT "unit_duty_contacts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_duty_contacts" ADD CONSTRAINT "unit_duty_contacts_agreement_code_agreements_code_fk" FOREIGN KEY ("agreement_code") REFERENCES "public"."agreements"("code") ON DELETE no action ON UPDATE no action;