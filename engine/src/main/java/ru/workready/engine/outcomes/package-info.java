/** Arithmetic of graduate outcomes: proportions, intervals, ROC AUC. */
@NullMarked
package ru.workready.engine.outcomes;

import org.jspecify.annotations.NullMarked;
