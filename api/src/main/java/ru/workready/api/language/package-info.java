/** Russian texts of the API: reasons, problem titles, level names. */
@NullMarked
package ru.workready.api.language;

import org.jspecify.annotations.NullMarked;
