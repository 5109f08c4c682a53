/** Readiness scoring use cases: one student, cohorts in batches, rescoring jobs. */
@NullMarked
package ru.workready.data.scoring;

import org.jspecify.annotations.NullMarked;
