-- Which conversation a remembered draft belonged to (the message it answered, the people it
-- addressed), as short hashes: the same reply sent into another conversation is a template,
-- the same draft reviewed again for the same one is an edit. Never the names themselves.
ALTER TABLE history_post ADD COLUMN conversation VARCHAR(200);
