package ru.workready.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes an audit event for every completed call of the method (successful or not): who (key,
 * organisation, role), {@link #action()}, the subject (kind and the value of the path variable
 * {@link #subject()}), the request and its status. Put it on every endpoint that reads a student's
 * personal data or hands out a report.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {
    /** What was done, e.g. {@code read-readiness}, {@code download-report}. */
    String action();

    /** The kind of subject, e.g. {@code student}, {@code college}, {@code report}. */
    String subjectKind();

    /** The path variable (or, failing that, the request parameter) that names the subject, e.g. {@code id}. */
    String subject();
}
