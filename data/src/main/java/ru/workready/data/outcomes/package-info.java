/** Graduate employment records, their reports and the validity of readiness scores. */
@NullMarked
package ru.workready.data.outcomes;

import org.jspecify.annotations.NullMarked;
