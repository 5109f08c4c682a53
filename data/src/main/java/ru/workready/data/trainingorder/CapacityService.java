package ru.workready.data.trainingorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.ProblemType;
import ru.workready.data.csv.CsvReader;

/**
 * The most students a college may admit to a specialty in one intake (лицензия, площади, преподаватели): the limit a
 * training order's proposed admission respects. Stored whole or not at all; a repeated college and code replaces it.
 */
@Service
public class CapacityService {
    public static final ProblemType INVALID = ProblemType.INVALID_CAPACITY;

    /** One college's limit for a specialty. */
    public record Capacity(String college, String region, String fgosCode, int places, @Nullable String source) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public CapacityService(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Columns college (code), fgos_code, places; source optional. */
    public int upload(byte[] content, @Nullable String contentType) {
        return upload(content, contentType, PlanningScope.ANY);
    }

    /** As {@link #upload(byte[], String)}; a college of a region outside {@code scope} is refused as unknown. */
    @Transactional
    public int upload(byte[] content, @Nullable String contentType, PlanningScope scope) {
        SheetUpload file = SheetUpload.read(content, contentType, INVALID, List.of("college", "fgos_code", "places"));
        List<Object[]> stored = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Optional<Long>> colleges = new HashMap<>();
        for (CsvReader.Row row : file.rows) {
            String college = file.text(row, "college");
            Long collegeId = null;
            if (college != null) {
                collegeId = colleges.computeIfAbsent(college, c -> collegeIn(c, scope)).orElse(null);
                if (collegeId == null) {
                    file.problem(row, "college", college, "unknown college code");
                }
            }
            String fgos = file.fgos(row, "fgos_code");
            Integer places = file.number(row, "places", 0, 100_000);
            if (collegeId == null || fgos == null || places == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(college + '|' + fgos, row.number());
            if (first != null) {
                file.problem(row, null, null, "the same college and specialty as row " + first);
                continue;
            }
            stored.add(new Object[] {collegeId, fgos, places, row.get("source")});
        }
        file.refuseIfAny("capacity file");
        template.batchUpdate("""
                insert into intake_capacity (college_id, fgos_code, places, source) values (?, ?, ?, ?)
                on conflict (college_id, fgos_code)
                do update set places = excluded.places, source = excluded.source, recorded_at = now()""", stored);
        return stored.size();
    }

    /** The college's id when it is in the scope's region; empty when unknown or outside it (told the same). */
    private Optional<Long> collegeIn(String code, PlanningScope scope) {
        return jdbc.sql("select id, region from college where code = ?").param(code)
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getString(2))).optional()
                .filter(e -> scope.allows(e.getValue())).map(java.util.Map.Entry::getKey);
    }

    /** The limits of the region's colleges (official region name), optionally of one college only. */
    public List<Capacity> list(String region, @Nullable String college) {
        return jdbc.sql("""
                        select c.code, c.region, k.fgos_code, k.places, k.source
                        from intake_capacity k join college c on c.id = k.college_id
                        where c.region = ? and (cast(? as text) is null or c.code = ?)
                        order by c.code, k.fgos_code""")
                .params(region, college, college)
                .query((rs, n) -> new Capacity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5))).list();
    }
}
