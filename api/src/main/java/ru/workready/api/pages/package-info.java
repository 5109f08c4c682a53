/** Role pages (college, employer, admin) served as static resources. */
@NullMarked
package ru.workready.api.pages;

import org.jspecify.annotations.NullMarked;
