/** The runnable app's default database: an embedded PostgreSQL when no datasource URL is set. */
@NullMarked
package ru.workready.api.database;

import org.jspecify.annotations.NullMarked;
