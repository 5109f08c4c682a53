/**
 * The HTTP adapter of the work-readiness engine: controllers, security, problem details, OpenAPI, pages (DESIGN §4).
 */
@NullMarked
package ru.workready.api;

import org.jspecify.annotations.NullMarked;
