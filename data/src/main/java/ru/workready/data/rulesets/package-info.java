/** Rule sets: uploaded DRL and decision tables guarded, compiled and held per scope (RuleBaseRegistry). */
@NullMarked
package ru.workready.data.rulesets;

import org.jspecify.annotations.NullMarked;
