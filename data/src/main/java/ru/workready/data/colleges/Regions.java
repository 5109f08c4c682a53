package ru.workready.data.colleges;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Russia's regions (субъекты РФ) by code or official name, as colleges and filters name them.
 */
@Service
public class Regions {
    private final RegionRepository regions;

    Regions(RegionRepository regions) {
        this.regions = regions;
    }

    public List<Region> list() {
        return regions.list();
    }

    public Optional<String> officialName(String codeOrName) {
        return regions.officialName(codeOrName);
    }

    public @Nullable String canonical(@Nullable String codeOrName) {
        return regions.canonical(codeOrName);
    }
}
