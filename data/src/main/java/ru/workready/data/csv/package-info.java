/** Readers of tabular uploads (CSV, XLSX) and their format detection. */
@NullMarked
package ru.workready.data.csv;

import org.jspecify.annotations.NullMarked;
