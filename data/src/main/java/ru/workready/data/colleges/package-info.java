/** Colleges (колледжи) and the regions (субъекты РФ) they, employers and demand belong to. */
@NullMarked
package ru.workready.data.colleges;

import org.jspecify.annotations.NullMarked;
