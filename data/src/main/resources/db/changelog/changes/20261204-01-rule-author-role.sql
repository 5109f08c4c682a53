--liquibase formatted sql

--changeset workready:20261204-01-rule-author-role
--comment: Rule sets are code that runs on the server: uploading and activating them is a role of its own
--comment: (RULE_AUTHOR, held by keys of OPERATOR organisations), not every administrator key's business.
alter table api_key drop constraint api_key_role_check;
alter table api_key add constraint api_key_role_check
    check (role in ('COLLEGE', 'EMPLOYER', 'CURRICULUM_DESIGNER', 'RULE_AUTHOR', 'ADMIN'));
