@NullMarked
package ru.workready.engine.assessments;

import org.jspecify.annotations.NullMarked;
