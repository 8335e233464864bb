-- Lists of mentions (the open list of GET /api/mentions, mentions list, /coach mine and App Home)
-- show the oldest first, a page at a time. These indexes hold the rows of one state (and one
-- owner) already in that order, (received_at, id), so a page reads its rows from the index and
-- stops, instead of sorting every open mention: MentionStore asks for each state apart and
-- merges the pages. The owner's index also answers what mentions_assignee did.
-- Portable SQL (H2 and PostgreSQL).
CREATE INDEX mentions_state_order ON mentions (state, received_at, id);
CREATE INDEX mentions_owner_order ON mentions (assignee, state, received_at, id);
DROP INDEX mentions_assignee;
