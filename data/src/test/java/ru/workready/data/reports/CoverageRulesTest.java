package ru.workready.data.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.MappingRow;
import ru.workready.data.reports.ReportRepository.ProgrammeRow;
import ru.workready.engine.mapping.MappingType;

/** The coverage rules on seeded random mappings: RELATED supports but never covers; above level wins. */
class CoverageRulesTest {
    static Stream<Long> seeds() {
        return LongStream.range(0, 300).map(i -> 8_000L + i).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void statusFollowsTheMappingTypesAndLevels(long seed) {
        Random random = new Random(seed);
        int programmeLevel = 3 + random.nextInt(3);
        int functionLevel = 2 + random.nextInt(5);
        FunctionRow f = new FunctionRow(1, "A/01." + functionLevel, "ТФ", "A", "ОТФ", functionLevel);
        ProgrammeRow p = new ProgrammeRow(1, "C", "Колледж", "09.02.07", "Программа", programmeLevel, 2023);
        List<MappingRow> mappings = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            MappingType type = MappingType.values()[random.nextInt(MappingType.values().length)];
            double weight = type == MappingType.RELATED ? 0.1 + 0.4 * random.nextDouble() : 0.1 + 0.9 * random.nextDouble();
            mappings.add(new MappingRow(i, 1, random.nextBoolean() ? null : (long) i, type, weight, random.nextBoolean()));
        }
        CoverageStatus status = CoverageRules.status(f, mappings, p);
        String context = "seed " + seed + ": level " + functionLevel + " vs " + programmeLevel + ", " + mappings;
        if (functionLevel > programmeLevel) {
            assertThat(status).as(context).isEqualTo(CoverageStatus.ABOVE_LEVEL);
        } else if (mappings.isEmpty()) {
            assertThat(status).as(context).isEqualTo(CoverageStatus.NOT_COVERED);
        } else if (mappings.stream().allMatch(m -> m.type() == MappingType.RELATED)) {
            assertThat(status).as(context).isEqualTo(CoverageStatus.RELATED_ONLY);
        } else {
            assertThat(status).as(context).isEqualTo(CoverageStatus.COVERED);
        }
        assertThat(status.gap()).as(context)
                .isEqualTo(status == CoverageStatus.NOT_COVERED || status == CoverageStatus.RELATED_ONLY);
        // adding a RELATED mapping never turns a gap into coverage
        List<MappingRow> more = new ArrayList<>(mappings);
        more.add(new MappingRow(99, 1, null, MappingType.RELATED, 0.5, false));
        CoverageStatus after = CoverageRules.status(f, more, p);
        assertThat(after == CoverageStatus.COVERED).as(context).isEqualTo(status == CoverageStatus.COVERED);
    }
}
