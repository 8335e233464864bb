-- History tells a draft that was reviewed from a post that was published, and keeps what
-- finds a trimmed or partly rewritten copy: the anchors (the smallest word-pair hashes,
-- Base64) and the sizes of the shingle set and of its word pairs. Rows from before this
-- migration get their anchors when Candor starts, from the normalized text while it is kept.
ALTER TABLE history_post ADD COLUMN posted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE history_post ADD COLUMN anchors VARCHAR(64);
ALTER TABLE history_post ADD COLUMN shingles INT DEFAULT 0 NOT NULL;
ALTER TABLE history_post ADD COLUMN pairs INT DEFAULT 0 NOT NULL;
UPDATE history_post SET posted = TRUE WHERE source = 'import';
