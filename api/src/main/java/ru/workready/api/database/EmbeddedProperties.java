package ru.workready.api.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code workready.embedded.*}: the embedded PostgreSQL used when no {@code spring.datasource.url} is given
 * ({@link EmbeddedDatabaseConfiguration}, docs/operations.md).
 *
 * @param dataDir its data folder, kept across restarts
 * @param port    its fixed port, e.g. to look at it with psql; 0: any free one
 */
@ConfigurationProperties("workready.embedded")
@Validated
public record EmbeddedProperties(
        @DefaultValue(".workready/pgdata") @NotBlank String dataDir,
        @DefaultValue("0") @Min(0) @Max(65535) int port) {
}
