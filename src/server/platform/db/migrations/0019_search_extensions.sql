-- For the staff search's indexes (next migration): trigram matching, so that an index can serve
-- ILIKE '%…%', and B-tree keys in a GIN index, so that the office can be its first key. Both
-- are trusted extensions: the database's owner may create them; PGlite loads their libraries at
-- start-up (platform/db/database.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
