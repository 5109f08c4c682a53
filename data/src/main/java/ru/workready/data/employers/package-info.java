/** Employers, job profiles, cohort readiness queries with small-cell suppression, demand, consent. */
@NullMarked
package ru.workready.data.employers;

import org.jspecify.annotations.NullMarked;
