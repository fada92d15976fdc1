CREATE TABLE "liaison_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"agreement_code" text,
	"post" text NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "liaison_posts" ADD CONSTRAINT "liaison_posts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_posts" ADD CONSTRAINT "liaison_posts_agreement_code_agreements_code_fk" FOREIGN KEY ("agreement_code") REFERENCES "public"."agreements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_posts" ADD CONSTRAINT "liaison_posts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "liaison_posts_unit_idx" ON "liaison_posts" USING btree ("unit_id","ended_at");