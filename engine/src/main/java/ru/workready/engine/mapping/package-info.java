@NullMarked
package ru.workready.engine.mapping;

import org.jspecify.annotations.NullMarked;
