--liquibase formatted sql

--changeset workready:20261205-70-stale-score-upload
--comment: Issue 19. An upload's resource counts its students still marked stale: without this index every status read
--comment: (clients poll it while an upload runs) scanned all marks — 2 ms at 20,000 students, 10 ms at 100,000 — and
--comment: removing an upload (one withdrawn while its body arrived) scanned them for the foreign key.
create index stale_score_upload_idx on stale_score (upload_id);
