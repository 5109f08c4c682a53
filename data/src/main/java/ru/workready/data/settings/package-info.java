/**
 * Wiring of the {@code workready.*} settings: each area's {@code @ConfigurationProperties} record lives in its own
 * package; this one scans for them and keeps renamed keys working (docs/configuration.md lists every key).
 */
@NullMarked
package ru.workready.data.settings;

import org.jspecify.annotations.NullMarked;
