-- The search index keeps no pending list (see search_documents in src/server/db/schema.ts).
-- Changed in place rather than rebuilt; what the pending list already holds is merged now.
ALTER INDEX "search_documents_tokens_idx" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list('search_documents_tokens_idx');
