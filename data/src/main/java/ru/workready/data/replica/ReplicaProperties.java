package ru.workready.data.replica;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code workready.replica.*}: a streaming replica for read-only transactions ({@link ReplicaRoutingConfiguration},
 * used only with an external primary given by {@code spring.datasource.url}).
 *
 * @param url      the replica's JDBC URL; empty: no replica
 * @param username its user; empty: the primary's
 * @param password its password; empty: the primary's
 */
@ConfigurationProperties("workready.replica")
public record ReplicaProperties(@DefaultValue("") String url, @DefaultValue("") String username,
                                @DefaultValue("") String password) {
}
