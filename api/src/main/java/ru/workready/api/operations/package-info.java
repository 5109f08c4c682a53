/** Health and operations: database availability, rule base and worker-pool health, the image's probe. */
@NullMarked
package ru.workready.api.operations;

import org.jspecify.annotations.NullMarked;
