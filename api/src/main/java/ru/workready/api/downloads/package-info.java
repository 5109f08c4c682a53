/** Media types and names of file downloads. */
@NullMarked
package ru.workready.api.downloads;

import org.jspecify.annotations.NullMarked;
