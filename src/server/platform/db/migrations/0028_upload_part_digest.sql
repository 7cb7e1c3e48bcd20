-- Each part of a resumable upload keeps the SHA-256 taken while it was sealed, so an upload
-- that arrived in one part becomes its document without being read again (ADR 0020). Parts of
-- uploads in progress at the upgrade have none; their uploads are read once, as before.
ALTER TABLE "resumable_upload_parts" ADD COLUMN "sha256" text;
