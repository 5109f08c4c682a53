/** OpenAPI document details: schema names for data records whose simple names clash. */
@NullMarked
package ru.workready.api.openapi;

import org.jspecify.annotations.NullMarked;
