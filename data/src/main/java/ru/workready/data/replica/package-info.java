/** Routing read-only work to a PostgreSQL standby when one is configured. */
@NullMarked
package ru.workready.data.replica;

import org.jspecify.annotations.NullMarked;
