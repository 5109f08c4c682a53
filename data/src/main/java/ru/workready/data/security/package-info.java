/** API keys, organisations, roles and the audit log. */
@NullMarked
package ru.workready.data.security;

import org.jspecify.annotations.NullMarked;
