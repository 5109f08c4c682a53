/** Employer expertise (экспертиза) endpoints and pages. */
@NullMarked
package ru.workready.api.expertise;

import org.jspecify.annotations.NullMarked;
