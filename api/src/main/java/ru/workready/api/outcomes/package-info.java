/** Graduate outcome reports: employment and validity of readiness. */
@NullMarked
package ru.workready.api.outcomes;

import org.jspecify.annotations.NullMarked;
