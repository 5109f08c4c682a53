--liquibase formatted sql

--changeset workready:20261125-35-rule-set-tables
--comment: Decision tables (XLSX, XLS, CSV) of a rule-set version, kept byte for byte so that they can be downloaded
--comment: again; the DRL generated from each is stored in rule_set_version.drl under drl_file.
create table rule_set_table (
    rule_set_version_id bigint  not null references rule_set_version (id),
    file_name           text    not null,
    format              text    not null check (format in ('XLSX', 'XLS', 'CSV')),
    sheet               text,
    drl_file            text    not null,
    content             bytea   not null,
    sha256              text    not null,
    rules               integer not null,
    primary key (rule_set_version_id, file_name)
);
