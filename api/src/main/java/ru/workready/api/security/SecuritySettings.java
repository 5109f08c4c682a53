package ru.workready.api.security;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code workready.security.*}: the rate limits of the key filter (docs/security.md). Per node: with N nodes behind
 * one balancer set them to the intended value ÷ N (docs/scaling.md).
 *
 * @param requestsPerMinute   requests one key may send a minute, unless the key sets its own
 * @param failedAuthPerMinute bad keys one client address may send a minute before it gets 429
 */
@ConfigurationProperties("workready.security")
@Validated
public record SecuritySettings(
        @DefaultValue("600") @Positive int requestsPerMinute,
        @DefaultValue("20") @Positive int failedAuthPerMinute) {
}
