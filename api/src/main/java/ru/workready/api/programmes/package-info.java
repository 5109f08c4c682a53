/** Educational programme (ФГОС СПО) endpoints. */
@NullMarked
package ru.workready.api.programmes;

import org.jspecify.annotations.NullMarked;
