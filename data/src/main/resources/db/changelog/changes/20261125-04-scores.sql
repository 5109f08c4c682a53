--liquibase formatted sql

--changeset workready:20261125-04-scores
--comment: Latest readiness per student and labour function, with the versions that produced it.
create table readiness_score (
    student_id         text        not null references student (id),
    labour_function_id bigint      not null references labour_function (id),
    readiness          numeric(6, 5),
    coverage           numeric(6, 5) not null,
    level              text        not null,
    explanation        jsonb       not null,
    rule_set_version   text        not null,
    mapping_set_id     bigint references mapping_set (id),
    computed_at        timestamptz not null default now(),
    primary key (student_id, labour_function_id)
);
