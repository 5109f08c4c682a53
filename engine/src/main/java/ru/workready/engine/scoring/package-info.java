@NullMarked
package ru.workready.engine.scoring;

import org.jspecify.annotations.NullMarked;
