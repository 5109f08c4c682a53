package ru.workready.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import ru.workready.data.security.Role;

/**
 * The roles that may call a controller method (or every method of a controller class; a method's
 * own annotation wins). ADMIN may always call. A handler under {@code /api} without this annotation
 * is ADMIN-only, so an endpoint added without thought is closed, not open.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {
    Role[] value();
}
