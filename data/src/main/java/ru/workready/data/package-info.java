/**
 * PostgreSQL storage (Liquibase schema, JdbcClient repositories) and importers of outside formats.
 */
@NullMarked
package ru.workready.data;

import org.jspecify.annotations.NullMarked;
