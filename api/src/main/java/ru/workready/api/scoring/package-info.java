/** ReadinessEvaluator endpoints: a student's scores, what-if, rule-set preview, rescoring jobs. */
@NullMarked
package ru.workready.api.scoring;

import org.jspecify.annotations.NullMarked;
