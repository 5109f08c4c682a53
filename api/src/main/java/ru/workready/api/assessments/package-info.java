/** Upload endpoints for assessment results, rosters and employment records; the use cases are in data. */
@NullMarked
package ru.workready.api.assessments;

import org.jspecify.annotations.NullMarked;
