package ru.workready.data.database;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, warns when the application's database user could tamper with the audit log: a
 * superuser, or a role that owns {@code audit_event} (or is a member of its owner), can disable its
 * append-only trigger, update, delete and truncate it (docs/operations.md, "Database roles").
 * {@code workready.database.role-check=false} turns it off (the tests run as a superuser).
 */
@Component
@ConditionalOnBooleanProperty(name = "workready.database.role-check", matchIfMissing = true)
public class DatabaseRoleCheck {
    private static final Logger log = LoggerFactory.getLogger(DatabaseRoleCheck.class);
    private final DataSource dataSource;

    public DatabaseRoleCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void check() {
        try {
            problems(JdbcClient.create(dataSource)).forEach(log::warn);
        } catch (RuntimeException e) {
            log.debug("Could not check the database user's rights", e);
        }
    }

    /** What is wrong with the rights of the connection's user, in words; empty when nothing is. */
    public static List<String> problems(JdbcClient jdbc) {
        List<String> problems = new ArrayList<>();
        jdbc.sql("""
                        select current_user as name, r.rolsuper as superuser,
                               coalesce(pg_has_role(current_user, c.relowner, 'USAGE'), false) as owns_audit,
                               coalesce(pg_get_userbyid(c.relowner), '') as audit_owner
                        from pg_roles r left join pg_class c on c.oid = to_regclass('audit_event')
                        where r.rolname = current_user""")
                .query((rs, n) -> {
                    String user = rs.getString("name");
                    if (rs.getBoolean("superuser")) {
                        problems.add("The application connects to the database as " + user + ", a superuser: it could"
                                + " alter or empty the audit log. Connect as a role like workready_app"
                                + " (docs/operations.md, \"Database roles\").");
                    } else if (rs.getBoolean("owns_audit")) {
                        problems.add("The application connects to the database as " + user + ", which owns audit_event"
                                + " (owner: " + rs.getString("audit_owner") + "): it could disable the append-only"
                                + " trigger and alter or empty the audit log. Give audit_event to a role like"
                                + " workready_audit (docs/operations.md, \"Database roles\").");
                    }
                    return user;
                })
                .list();
        return problems;
    }
}
