/** What the demo leaves in a database, and its removal. */
@NullMarked
package ru.workready.data.demo;

import org.jspecify.annotations.NullMarked;
