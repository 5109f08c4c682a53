/** Curriculum designers' reports: gaps, coverage, cohorts, trends, exports. */
@NullMarked
package ru.workready.data.reports;

import org.jspecify.annotations.NullMarked;
