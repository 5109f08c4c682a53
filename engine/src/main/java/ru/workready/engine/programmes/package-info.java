@NullMarked
package ru.workready.engine.programmes;

import org.jspecify.annotations.NullMarked;
