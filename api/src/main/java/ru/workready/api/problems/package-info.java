/** RFC 9457 problem details: every error mapped once, nothing internal to the client. */
@NullMarked
package ru.workready.api.problems;

import org.jspecify.annotations.NullMarked;
