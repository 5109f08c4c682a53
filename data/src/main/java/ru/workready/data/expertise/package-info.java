/** Employer expertise of mappings: reviews, answers, conclusions. */
@NullMarked
package ru.workready.data.expertise;

import org.jspecify.annotations.NullMarked;
