package ru.workready.data.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code workready.database.*}.
 *
 * @param jit       {@code on}: the server's own JIT setting stays; anything else: every pooled session turns
 *                  PostgreSQL's JIT off ({@link SessionSettings})
 * @param roleCheck warn at start when the app's database user could tamper with the audit log
 *                  ({@link DatabaseRoleCheck})
 */
@ConfigurationProperties("workready.database")
public record DatabaseProperties(
        @DefaultValue("off") String jit,
        @DefaultValue("true") boolean roleCheck) {
}
