/** Mapping endpoints: outcome → labour function weights per programme. */
@NullMarked
package ru.workready.api.mapping;

import org.jspecify.annotations.NullMarked;
