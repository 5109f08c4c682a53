package ru.workready.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body the method accepts, in bytes; a declared larger body is refused with 413
 * before it is read. Without this annotation an {@code /api} endpoint accepts
 * {@link AccessInterceptor#DEFAULT_BODY_LIMIT} bytes. Endpoints that stream the body themselves
 * still read it through {@code Bodies.read} with the same limit, for bodies of unknown length.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {
    /** The limit in bytes, or the default when {@link #property()} is set. */
    long value();

    /** A configuration property (bytes) that overrides {@link #value()} when present. */
    String property() default "";
}
