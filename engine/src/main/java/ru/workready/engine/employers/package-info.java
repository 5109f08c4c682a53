/**
 * Employers' view of readiness: job fit of a student for a job profile (DESIGN §3 step 8) and
 * the small-cell suppression that keeps aggregates anonymous. Plain Java, no Spring, no SQL.
 */
@NullMarked
package ru.workready.engine.employers;

import org.jspecify.annotations.NullMarked;
