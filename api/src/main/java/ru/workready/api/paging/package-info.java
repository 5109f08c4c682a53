/** Paging headers of list endpoints. */
@NullMarked
package ru.workready.api.paging;

import org.jspecify.annotations.NullMarked;
