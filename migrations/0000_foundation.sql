CREATE TABLE "access_denials" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status" integer NOT NULL,
	"code" text NOT NULL,
	"reason" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_code" text NOT NULL,
	"party_code" text NOT NULL,
	CONSTRAINT "agreement_parties_agreement_code_party_code_pk" PRIMARY KEY("agreement_code","party_code")
);
--> statement-breakpoint
CREATE TABLE "agreement_units" (
	"agreement_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"clause_key" text,
	CONSTRAINT "agreement_units_agreement_code_unit_id_pk" PRIMARY KEY("agreement_code","unit_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"code" text PRIMARY KEY NOT NULL,
	"plenary_code" text,
	"title" jsonb NOT NULL,
	"short_title" jsonb NOT NULL,
	"signed_on" date NOT NULL,
	"signed_at" jsonb,
	"entry_into_force" jsonb NOT NULL,
	"validity" jsonb,
	"copies" jsonb NOT NULL,
	"authoritative_script" text NOT NULL,
	"full_text_hant" text NOT NULL,
	"full_text_hans" text NOT NULL,
	"preamble" jsonb NOT NULL,
	"closing" jsonb NOT NULL,
	"signatories" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"unit_id" uuid,
	"data" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clauses" (
	"agreement_code" text NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"level" integer NOT NULL,
	"parent_key" text,
	"label" text NOT NULL,
	"heading_hant" text,
	"heading_hans" text,
	"text_hant" text NOT NULL,
	"text_hans" text NOT NULL,
	CONSTRAINT "clauses_agreement_code_key_pk" PRIMARY KEY("agreement_code","key")
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"parent_code" text,
	"name" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plenaries" (
	"code" text PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"name" jsonb NOT NULL,
	"held_on" date NOT NULL,
	"place" jsonb
);
--> statement-breakpoint
CREATE TABLE "reference_loads" (
	"name" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" text NOT NULL,
	"url" text NOT NULL,
	"visibility" text NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"party_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"date" date,
	"tokens" "tsvector" NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"party_code" text NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"abbreviation" text,
	"email" text,
	"phone" text,
	"duty_phone" text,
	"address" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"title" text,
	"email" text,
	"phone" text,
	"unit_id" uuid,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_platform_admin" boolean DEFAULT false NOT NULL,
	"locale" text,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_code_agreements_code_fk" FOREIGN KEY ("agreement_code") REFERENCES "public"."agreements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_party_code_parties_code_fk" FOREIGN KEY ("party_code") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_units" ADD CONSTRAINT "agreement_units_agreement_code_agreements_code_fk" FOREIGN KEY ("agreement_code") REFERENCES "public"."agreements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_units" ADD CONSTRAINT "agreement_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_plenary_code_plenaries_code_fk" FOREIGN KEY ("plenary_code") REFERENCES "public"."plenaries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clauses" ADD CONSTRAINT "clauses_agreement_code_agreements_code_fk" FOREIGN KEY ("agreement_code") REFERENCES "public"."agreements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_party_code_parties_code_fk" FOREIGN KEY ("party_code") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_units_unit_idx" ON "agreement_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "search_documents_ref_key" ON "search_documents" USING btree ("kind","ref_id");--> statement-breakpoint
CREATE INDEX "search_documents_tokens_idx" ON "search_documents" USING gin ("tokens");--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_key" ON "units" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "users_unit_idx" ON "users" USING btree ("unit_id");