--liquibase formatted sql

--changeset workready:20261125-23-fold-upload-partitions splitStatements:false
--comment: Issue 5: every large upload adds a partition under its college's partition, and a student's read looks
--comment: into each of them. Operators fold the partitions of older uploads back into the shared one, one upload per
--comment: transaction, when reads are quiet: CALL evidence_fold_upload_partitions(interval '30 days'). Rows keep
--comment: their ids and every column; the copy into the shared partition pays the per-row index upkeep the upload
--comment: avoided, and the final DROP holds the college partition's lock only until that upload's commit. An advisory
--comment: lock per upload lets one caller fold at a time. The application can run it on a schedule
--comment: (workready.evidence.fold.cron, off by default).
create procedure evidence_fold_upload_partitions(older_than interval default interval '30 days')
language plpgsql as $$
declare
    columns text;
    leaf record;
begin
    select string_agg(quote_ident(attname), ', ' order by attnum) into columns
    from pg_attribute
    where attrelid = 'evidence'::regclass and attnum > 0 and not attisdropped and attname <> 'segment';
    for leaf in
        select c.oid::regclass::text as own, s.oid::regclass::text as shared
        from pg_inherits college
        join pg_inherits i on i.inhparent = college.inhrelid
        join pg_class c on c.oid = i.inhrelid
        join pg_inherits si on si.inhparent = college.inhrelid
        join pg_class s on s.oid = si.inhrelid and pg_get_expr(s.relpartbound, s.oid) = 'FOR VALUES IN (''0'')'
        join upload u on u.id = substring(c.relname from '_upload_(\d+)$')::bigint
        where college.inhparent = 'evidence'::regclass
          and c.relname ~ '_upload_\d+$'
          and u.finished_at < now() - older_than
        order by u.id
    loop
        -- one fold at a time (two nodes' jobs, or an operator beside a job): the other waits, then
        -- skips what was folded meanwhile
        perform pg_advisory_xact_lock(hashtext('evidence_fold_upload_partitions'));
        if to_regclass(leaf.own) is null then
            commit;
            continue;
        end if;
        execute format('insert into %s (%s) select %s from %s order by id', leaf.shared, columns, columns, leaf.own);
        execute format('drop table %s', leaf.own);
        raise notice 'folded % into %', leaf.own, leaf.shared;
        commit;
    end loop;
end;
$$;
