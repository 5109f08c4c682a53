/** Rule-set endpoints: upload, test, activate, roll back, download. */
@NullMarked
package ru.workready.api.rulebase;

import org.jspecify.annotations.NullMarked;
