/** Demo data for the app's default run: a college, its intakes, employers, outcomes; removable. */
@NullMarked
package ru.workready.api.demo;

import org.jspecify.annotations.NullMarked;
