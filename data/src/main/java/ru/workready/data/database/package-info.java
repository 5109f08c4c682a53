/** Database roles and session settings the app checks and uses. */
@NullMarked
package ru.workready.data.database;

import org.jspecify.annotations.NullMarked;
