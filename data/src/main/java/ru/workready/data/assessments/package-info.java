/** Uploads of results: spooling, staging, COPY into partitions, the runner and the stale-score job. */
@NullMarked
package ru.workready.data.assessments;

import org.jspecify.annotations.NullMarked;
