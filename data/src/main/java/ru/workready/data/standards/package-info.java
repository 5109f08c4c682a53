/** Professional standards (ПС): the Минтруд XML importer, editions, storage, reading. */
@NullMarked
package ru.workready.data.standards;

import org.jspecify.annotations.NullMarked;
