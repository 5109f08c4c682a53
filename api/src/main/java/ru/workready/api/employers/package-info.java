/** Employer endpoints: job profiles, readiness of cohorts, shortlists, demand, consent. */
@NullMarked
package ru.workready.api.employers;

import org.jspecify.annotations.NullMarked;
