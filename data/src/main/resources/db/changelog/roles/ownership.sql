--liquibase formatted sql

--changeset workready:roles-ownership runAlways:true runOnChange:true splitStatements:false
--comment: Issue 15 §4. When the roles ${appRole} (the application's login) and ${auditRole} (NOLOGIN) exist, every
--comment: object of the schema belongs to ${appRole}, which creates and attaches evidence partitions at run time,
--comment: except the audit log: audit_event and its trigger function belong to ${auditRole}, and ${appRole} may
--comment: only INSERT into and SELECT from it, so it cannot disable the append-only trigger, update, delete or
--comment: truncate. Runs on every start after the changesets (objects they created are owned by whoever ran
--comment: Liquibase); a no-op once ownership is right, and when the roles do not exist. Needs a superuser, or a
--comment: role that is a member of both (docs/operations.md).
do $$
declare
    app constant name := '${appRole}';
    audit constant name := '${auditRole}';
    audit_tables constant name[] := array['audit_event'];
    audit_functions constant name[] := array['audit_event_is_append_only'];
    schema constant oid := current_schema()::regnamespace;
    obj record;
begin
    if to_regrole(app) is null or to_regrole(audit) is null then
        raise notice 'roles % and % not both present: ownership of the schema left as it is', app, audit;
        return;
    end if;
    if not (pg_has_role(current_user, app, 'USAGE') and pg_has_role(current_user, audit, 'USAGE')) then
        raise warning '% cannot act as % and %: ownership of the schema left as it is (docs/operations.md)',
            current_user, app, audit;
        return;
    end if;
    if pg_has_role(app, audit, 'MEMBER') then
        execute format('revoke %I from %I', audit, app);
    end if;
    if not has_schema_privilege(app, schema, 'CREATE') or not has_schema_privilege(audit, schema, 'CREATE') then
        -- the new owner of a table needs CREATE on its schema; ${auditRole} cannot log in
        execute format('grant usage, create on schema %I to %I, %I', current_schema(), app, audit);
    end if;

    -- tables (partitions included: ALTER TABLE does not recurse to them), views, standalone sequences; indexes,
    -- TOAST tables and owned (serial, identity) sequences follow their table
    for obj in
        select c.oid::regclass as rel, case when c.relname = any (audit_tables) then audit else app end as owner
        from pg_class c
        where c.relnamespace = schema
          and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
          and c.relowner <> to_regrole(case when c.relname = any (audit_tables) then audit else app end)
          and not exists (select 1 from pg_depend d
                          where d.classid = 'pg_class'::regclass and d.objid = c.oid
                            and (d.deptype = 'e' or (c.relkind = 'S' and d.deptype in ('a', 'i'))))
    loop
        execute format('alter table %s owner to %I', obj.rel, obj.owner);
    end loop;

    for obj in
        select p.oid::regprocedure as routine, case when p.proname = any (audit_functions) then audit else app end as owner
        from pg_proc p
        where p.pronamespace = schema
          and p.prokind in ('f', 'p')
          and p.proowner <> to_regrole(case when p.proname = any (audit_functions) then audit else app end)
          and not exists (select 1 from pg_depend d
                          where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
    loop
        execute format('alter routine %s owner to %I', obj.routine, obj.owner);
    end loop;

    -- the application writes and reads the audit log, nothing more (the identity column needs no grant)
    for obj in
        select c.oid::regclass as rel from pg_class c
        where c.relnamespace = schema and c.relname = any (audit_tables)
          and (not has_table_privilege(app, c.oid, 'SELECT') or not has_table_privilege(app, c.oid, 'INSERT')
               or has_table_privilege(app, c.oid, 'UPDATE') or has_table_privilege(app, c.oid, 'DELETE')
               or has_table_privilege(app, c.oid, 'TRUNCATE') or has_table_privilege(app, c.oid, 'TRIGGER')
               or has_table_privilege(app, c.oid, 'REFERENCES'))
    loop
        execute format('revoke all on table %s from %I, public', obj.rel, app);
        execute format('grant select, insert on table %s to %I', obj.rel, app);
    end loop;
end;
$$;
