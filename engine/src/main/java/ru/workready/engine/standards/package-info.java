@NullMarked
package ru.workready.engine.standards;

import org.jspecify.annotations.NullMarked;
