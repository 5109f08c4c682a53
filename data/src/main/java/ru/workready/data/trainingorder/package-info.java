/** Regional training order: forecasts, admissions, capacity, employment shares. */
@NullMarked
package ru.workready.data.trainingorder;

import org.jspecify.annotations.NullMarked;
