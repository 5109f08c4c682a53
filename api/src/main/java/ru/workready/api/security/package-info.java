/** Spring Security filter chain: API keys, roles per handler, tenancy, rate limits, audit. */
@NullMarked
package ru.workready.api.security;

import org.jspecify.annotations.NullMarked;
