/**
 * The work-readiness domain: professional standards, programme outcomes, evidence and the
 * {@link ru.workready.engine.scoring.ReadinessEvaluator} evaluator. Plain Java, no Spring, no SQL.
 */
@NullMarked
package ru.workready.engine;

import org.jspecify.annotations.NullMarked;
