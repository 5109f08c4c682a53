/** Mapping sets (outcome → labour function weights): import and reading. */
@NullMarked
package ru.workready.data.mapping;

import org.jspecify.annotations.NullMarked;
