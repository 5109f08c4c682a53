package ru.workready.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code workready.admin-key} (environment {@code WORKREADY_ADMIN_KEY}): the first admin key, kept at the top level
 * because deployments set it by that environment variable ({@link AdminKeyBootstrap}, docs/security.md).
 *
 * @param adminKey the key to create or keep as the admin key at start; empty: one is generated if none exists
 */
@ConfigurationProperties("workready")
public record AdminKeyProperties(@DefaultValue("") String adminKey) {
}
