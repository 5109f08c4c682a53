package ru.workready.api.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code workready.demo.*} ({@link DemoSwitch}).
 *
 * @param enabled whether the demo is loaded; unset (or blank): only on the embedded database
 */
@ConfigurationProperties("workready.demo")
public record DemoProperties(@Nullable Boolean enabled) {
}
