package ru.workready.data.standards;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code workready.standards.*}.
 *
 * @param importDir a folder whose {@code *.xml} Ministry files are imported at start (re-imports are no-ops);
 *                  empty: none
 */
@ConfigurationProperties("workready.standards")
public record StandardsProperties(@DefaultValue("") String importDir) {
}
