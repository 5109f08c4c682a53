package ru.workready.data.trainingorder;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The programme rows (one intake of a college's specialty each) of a region's colleges, and what their mappings cover. */
@Repository
public class RegionProgrammes {
    /**
     * One intake: its students are the roster of that intake year; graduation year = intake year + ceil(study months /
     * 12), as everywhere in the product ({@code TrendRepository}).
     */
    public record Intake(long programmeId, String college, String collegeName, String fgosCode, String name,
                         int intakeYear, int studyYears, int students) {
        public int graduationYear() {
            return intakeYear + studyYears;
        }
    }

    private final JdbcClient jdbc;

    public RegionProgrammes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every intake of every programme of the region's colleges (official region name). */
    public List<Intake> intakes(String region) {
        return jdbc.sql("""
                        select p.id, c.code, c.name, p.fgos_code, p.name, p.intake_year,
                               cast(ceil(p.study_months / 12.0) as integer),
                               (select count(*) from student s where s.programme_id = p.id)
                        from programme p join college c on c.id = p.college_id
                        where c.region = ? order by c.code, p.fgos_code, p.intake_year""")
                .param(region)
                .query((rs, n) -> new Intake(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8))).list();
    }

    /** Per programme id, the standard codes of its active mappings. */
    public Map<Long, Set<String>> mappedStandards(String region) {
        Map<Long, Set<String>> out = new HashMap<>();
        jdbc.sql("""
                        select distinct ms.programme_id, st.code
                        from mapping_set ms join professional_standard st on st.id = ms.standard_id
                        join programme p on p.id = ms.programme_id join college c on c.id = p.college_id
                        where ms.is_active and c.region = ?""")
                .param(region)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                });
        return out;
    }

    /** Per programme id, the ТФ its active mappings cover, as "standard code|ТФ code" (edition-independent). */
    public Map<Long, Set<String>> mappedFunctions(String region) {
        Map<Long, Set<String>> out = new HashMap<>();
        jdbc.sql("""
                        select distinct ms.programme_id, st.code, f.code
                        from mapping_set ms join professional_standard st on st.id = ms.standard_id
                        join mapping m on m.mapping_set_id = ms.id join labour_function f on f.id = m.labour_function_id
                        join programme p on p.id = ms.programme_id join college c on c.id = p.college_id
                        where ms.is_active and c.region = ?""")
                .param(region)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2) + '|'
                            + rs.getString(3));
                });
        return out;
    }

    /** Per programme id of the region, the ids of its active mapping sets ("12,15"): a new mapping is a new set. */
    public Map<Long, String> activeMappingSets(String region) {
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("""
                        select ms.programme_id, string_agg(cast(ms.id as text), ',' order by ms.id)
                        from mapping_set ms join programme p on p.id = ms.programme_id join college c on c.id = p.college_id
                        where ms.is_active and c.region = ? group by ms.programme_id""")
                .param(region)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /**
     * Per college code of the region, the id of its last upload of results or rosters, whatever its outcome (a
     * refused upload stores nothing, but a new id only makes the scores be computed again, never kept too long).
     */
    public Map<String, Long> lastUploads(String region) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("""
                        select c.code, coalesce(max(u.id), 0) from college c
                        left join upload u on u.college_id = c.id and u.upload_kind <> 'EMPLOYMENT'
                        where c.region = ? group by c.code""")
                .param(region)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** The students of one intake, in order. */
    public List<String> students(long programmeId) {
        return jdbc.sql("select id from student where programme_id = ? order by id").param(programmeId)
                .query(String.class).list();
    }
}
