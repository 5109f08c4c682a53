package ru.workready.data.assessments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the assessment row checks look up, loaded once per upload: the college's students with their
 * programmes, those programmes' outcomes, and the ОТФ of imported standards. Memory is bounded
 * by the college (tens of thousands of students), not by the file.
 */
record AssessmentLookups(StudentIndex students, Set<String> qualifications) {

    /** A programme: its ФГОС code and its outcomes' ids by normalized code. */
    record ProgrammeRef(String fgosCode, Map<String, Long> outcomes) {
    }

    static AssessmentLookups load(JdbcClient jdbc, long collegeId) {
        List<String> ids = new ArrayList<>();
        List<Long> programmeIds = new ArrayList<>();
        // FOR KEY SHARE: until the upload commits, no student or outcome it checked can be deleted
        // (the rows stand in for per-row foreign keys; roster updates of other columns go on)
        jdbc.sql("select id, programme_id from student where college_id = ? for key share").param(collegeId)
                .query(rs -> {
                    ids.add(rs.getString(1));
                    programmeIds.add(rs.getLong(2));
                });
        Map<Long, ProgrammeRef> programmes = new HashMap<>();
        jdbc.sql("""
                        select p.id, p.fgos_code from programme p
                        where p.id in (select programme_id from student where college_id = ?)""")
                .param(collegeId)
                .query(rs -> {
                    programmes.put(rs.getLong(1), new ProgrammeRef(rs.getString(2), new HashMap<>()));
                });
        jdbc.sql("""
                        select o.programme_id, o.code, o.id from outcome o
                        where o.programme_id in (select programme_id from student where college_id = ?)
                        for key share of o""")
                .param(collegeId)
                .query(rs -> {
                    programmes.get(rs.getLong(1)).outcomes().put(rs.getString(2), rs.getLong(3));
                });
        Set<String> qualifications = new HashSet<>(jdbc.sql("""
                        select distinct ps.code || ' ' || gf.code
                        from professional_standard ps join generalized_function gf on gf.standard_id = ps.id""")
                .query(String.class).list());
        return new AssessmentLookups(new StudentIndex(ids, programmeIds.stream().map(programmes::get).toList()),
                qualifications);
    }
}
