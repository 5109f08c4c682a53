--liquibase formatted sql

--changeset workready:20261125-70-rescore-job-interrupted
--comment: A job stopped by the application's shutdown ends INTERRUPTED (its finished batches stay written),
--comment: so that after a restart it shows what happened and can be started again.
alter table rescore_job drop constraint rescore_job_status_check;
alter table rescore_job add constraint rescore_job_status_check
    check (status in ('RUNNING', 'DONE', 'CANCELLED', 'FAILED', 'INTERRUPTED'));
