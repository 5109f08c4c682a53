/** Curriculum designers' reports: gaps, coverage, cohorts, trends. */
@NullMarked
package ru.workready.api.reports;

import org.jspecify.annotations.NullMarked;
