/** Registering colleges and listing regions over HTTP. */
@NullMarked
package ru.workready.api.colleges;

import org.jspecify.annotations.NullMarked;
