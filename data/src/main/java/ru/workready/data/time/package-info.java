/** The application's one clock. */
@NullMarked
package ru.workready.data.time;

import org.jspecify.annotations.NullMarked;
