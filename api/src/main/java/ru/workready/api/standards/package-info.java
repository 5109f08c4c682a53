/** Professional standard (ПС) endpoints: import, search, labour functions. */
@NullMarked
package ru.workready.api.standards;

import org.jspecify.annotations.NullMarked;
