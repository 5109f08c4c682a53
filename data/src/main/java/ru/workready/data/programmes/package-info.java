/** Educational programmes (ФГОС СПО): import formats, storage, reading. */
@NullMarked
package ru.workready.data.programmes;

import org.jspecify.annotations.NullMarked;
