--liquibase formatted sql

--changeset workready:20261205-70-stale-score-upload
--comment: Issue 19. An upload's resource counts its students still marked stale: without this index every status read
--comment: (clients poll it while an upload runs) scanned all marks — 2 ms at 20,000 students, 10 ms at 100,000 — and
--comment: removing an upload (one withdrawn while its body arrived) scanned them for the foreign key.
create index stale_score_upload_idx on stale_score (upload_id);

--changeset workready:20261205-71-stale-score-upload-unchecked
--comment: Issue 19. An upload re-marks its students stale with one upsert; the foreign key to upload ran its check on
--comment: every updated mark (20,000 checks, ~90 ms of an upload's 2.2 s at 1M rows). The mark's upload is the one that
--comment: stores evidence in the same transaction, and an upload with evidence cannot be deleted (evidence_parent_in_use;
--comment: removing a college's demo deletes its marks first): the key only repeated that.
alter table stale_score drop constraint stale_score_upload_id_fkey;
