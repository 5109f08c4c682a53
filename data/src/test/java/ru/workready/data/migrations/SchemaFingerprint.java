package ru.workready.data.migrations;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public schema as sorted text lines: columns, constraints, indexes, triggers, functions. */
final class SchemaFingerprint {
    private SchemaFingerprint() {
    }

    static List<String> of(JdbcClient jdbc) {
        List<String> lines = new ArrayList<>();
        lines.addAll(jdbc.sql("""
                select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' null=' || is_nullable
                       || ' default=' || coalesce(column_default, '') || ' generated=' || coalesce(generation_expression, '')
                       || ' identity=' || is_identity
                from information_schema.columns where table_schema = 'public' order by 1""")
                .query(String.class).list());
        lines.addAll(jdbc.sql("""
                select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                from pg_constraint where connamespace = 'public'::regnamespace order by 1""")
                .query(String.class).list());
        lines.addAll(jdbc.sql("select 'index ' || indexdef from pg_indexes where schemaname = 'public' order by 1")
                .query(String.class).list());
        lines.addAll(jdbc.sql("""
                select 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' || pg_get_triggerdef(oid)
                from pg_trigger where not tgisinternal order by 1""")
                .query(String.class).list());
        lines.addAll(jdbc.sql("""
                select 'function ' || p.proname || ' ' || md5(pg_get_functiondef(p.oid))
                from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prokind in ('f', 'p') order by 1""")
                .query(String.class).list());
        return lines;
    }
}
