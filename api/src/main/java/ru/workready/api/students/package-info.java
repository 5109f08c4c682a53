/** Student endpoints: roster, records, readiness. */
@NullMarked
package ru.workready.api.students;

import org.jspecify.annotations.NullMarked;
