package ru.workready.data.colleges;

import org.jspecify.annotations.Nullable;

/** A college (профессиональная образовательная организация) as registered; {@code region} is the region's official name. */
public record College(String code, String name, @Nullable String shortName, String regionCode, String region,
                      @Nullable String inn, @Nullable String address, boolean demo, long students, long programmes) {
}
