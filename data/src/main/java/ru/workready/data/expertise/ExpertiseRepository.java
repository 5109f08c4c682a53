package ru.workready.data.expertise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.workready.data.expertise.Expertise.Decision;
import ru.workready.data.expertise.Expertise.Expert;
import ru.workready.data.expertise.Expertise.Proposal;
import ru.workready.data.expertise.Expertise.ProposalKind;
import ru.workready.data.expertise.Expertise.Row;
import ru.workready.data.expertise.Expertise.Verdict;
import ru.workready.engine.mapping.MappingType;
import ru.workready.engine.standards.ElementKind;

/** Expertises, their experts, decisions (append-only: the latest per expert and row is in force) and proposals. */
@Repository
public class ExpertiseRepository {

    /** An expertise as stored, with what it reviews; its status is decided by the service. */
    record Head(long id, long mappingSetId, int version, long programmeId, String college, String fgosCode,
                String programmeName, int intakeYear, long standardId, String standardCode, String standardName,
                String orderNumber, String submittedBy, OffsetDateTime submittedAt, OffsetDateTime deadline,
                int minAgreements, @Nullable String note, @Nullable OffsetDateTime answeredAt,
                @Nullable Long newMappingSetId) {
    }

    private static final String HEAD = """
            select x.id, x.mapping_set_id, ms.version, p.id, c.code, p.fgos_code, p.name, p.intake_year, s.id, s.code,
                   s.name, s.order_number, x.submitted_by, x.submitted_at, x.deadline, x.min_agreements, x.note,
                   a.answered_at, a.new_mapping_set_id
            from expertise x join mapping_set ms on ms.id = x.mapping_set_id
            join programme p on p.id = ms.programme_id join college c on c.id = p.college_id
            join professional_standard s on s.id = ms.standard_id
            left join expertise_answer a on a.expertise_id = x.id""";

    private final JdbcClient jdbc;

    public ExpertiseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long mappingSetId, String submittedBy, String role, OffsetDateTime at, OffsetDateTime deadline,
                int minAgreements, @Nullable String note, List<Long> expertOrganisations) {
        long id = jdbc.sql("""
                        insert into expertise (mapping_set_id, submitted_by, submitted_by_role, submitted_at, deadline,
                                               min_agreements, note)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(mappingSetId, submittedBy, role, at, deadline, minAgreements, note).query(Long.class).single();
        for (long org : expertOrganisations) {
            jdbc.sql("insert into expertise_expert (expertise_id, organisation_id) values (?, ?)").params(id, org)
                    .update();
        }
        return id;
    }

    Optional<Head> head(long id) {
        return jdbc.sql(HEAD + " where x.id = ?").param(id).query(ExpertiseRepository::head).optional();
    }

    /** Every expertise, or those a college's programmes, a submitting organisation or an asked expert has. */
    List<Head> heads(@Nullable String college, @Nullable String organisation) {
        return jdbc.sql(HEAD + """
                         where (cast(:college as text) is null and cast(:org as text) is null)
                            or c.code = :college or x.submitted_by = :org
                            or exists (select 1 from expertise_expert e join organisation o on o.id = e.organisation_id
                                       where e.expertise_id = x.id and o.code = :org)
                        order by x.id desc""")
                .param("college", college).param("org", organisation).query(ExpertiseRepository::head).list();
    }

    /** Expertises of one mapping version, newest first. */
    List<Long> ofMappingSet(long mappingSetId) {
        return jdbc.sql("select id from expertise where mapping_set_id = ? order by id desc").param(mappingSetId)
                .query(Long.class).list();
    }

    /** The expertise whose answer created this mapping version, if it was made so. */
    Optional<Long> answeredInto(long mappingSetId) {
        return jdbc.sql("select expertise_id from mapping_set where id = ? and expertise_id is not null")
                .param(mappingSetId).query(Long.class).optional();
    }

    List<Expert> experts(long id) {
        return jdbc.sql("""
                        select o.code, o.name, e.submitted_at from expertise_expert e
                        join organisation o on o.id = e.organisation_id where e.expertise_id = ? order by o.name""")
                .param(id).query((rs, n) -> new Expert(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class))).list();
    }

    boolean markSubmitted(long id, long organisationId, OffsetDateTime at) {
        return jdbc.sql("""
                        update expertise_expert set submitted_at = ?
                        where expertise_id = ? and organisation_id = ? and submitted_at is null""")
                .params(at, id, organisationId).update() == 1;
    }

    List<Row> rows(long mappingSetId) {
        return jdbc.sql("""
                        select m.id, o.code, o.name, f.code, f.name, e.kind, e.position, e.text, m.type, m.weight,
                               m.critical
                        from mapping m join outcome o on o.id = m.outcome_id
                        join labour_function f on f.id = m.labour_function_id
                        left join function_element e on e.id = m.element_id
                        where m.mapping_set_id = ? order by f.code, o.code, m.id""")
                .param(mappingSetId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), elementKey(rs, 6), rs.getString(8), MappingType.valueOf(rs.getString(9)),
                        rs.getDouble(10), rs.getBoolean(11)))
                .list();
    }

    void insertDecision(long id, long organisationId, long mappingId, Verdict verdict, @Nullable String comment,
                        @Nullable MappingType type, @Nullable Double weight, @Nullable Boolean critical,
                        OffsetDateTime at, long keyId) {
        jdbc.sql("""
                        insert into expertise_decision (expertise_id, organisation_id, mapping_id, verdict, comment,
                            proposed_type, proposed_weight, proposed_critical, recorded_at, recorded_by_key)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, mappingId, verdict.name(), comment, type == null ? null : type.name(),
                        weight, critical, at, keyId > 0 ? keyId : null)
                .update();
    }

    /** The decisions in force: the latest per expert and row. */
    List<Decision> decisions(long id) {
        return jdbc.sql("""
                        select distinct on (d.mapping_id, d.organisation_id) d.mapping_id, o.code, o.name, d.verdict,
                               d.comment, d.proposed_type, d.proposed_weight, d.proposed_critical, d.recorded_at
                        from expertise_decision d join organisation o on o.id = d.organisation_id
                        where d.expertise_id = ? order by d.mapping_id, d.organisation_id, d.id desc""")
                .param(id)
                .query((rs, n) -> new Decision(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Verdict.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6) == null ? null : MappingType.valueOf(rs.getString(6)),
                        number(rs, 7), (Boolean) rs.getObject(8, Boolean.class),
                        rs.getObject(9, OffsetDateTime.class)))
                .list();
    }

    long insertProposal(long id, long organisationId, ProposalKind kind, @Nullable Long outcomeId, long functionId,
                        @Nullable Long elementId, @Nullable MappingType type, @Nullable Double weight,
                        boolean critical, @Nullable String comment, OffsetDateTime at) {
        return jdbc.sql("""
                        insert into expertise_proposal (expertise_id, organisation_id, kind, outcome_id,
                            labour_function_id, element_id, type, weight, critical, comment, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(id, organisationId, kind.name(), outcomeId, functionId, elementId,
                        type == null ? null : type.name(), weight, critical, comment, at)
                .query(Long.class).single();
    }

    boolean withdrawProposal(long id, long proposalId, long organisationId, OffsetDateTime at) {
        return jdbc.sql("""
                        update expertise_proposal set withdrawn_at = ?
                        where id = ? and expertise_id = ? and organisation_id = ? and withdrawn_at is null""")
                .params(at, proposalId, id, organisationId).update() == 1;
    }

    /** Proposals not withdrawn, with the ids a new mapping version needs. */
    List<StoredProposal> proposals(long id) {
        return jdbc.sql("""
                        select p.id, o.code, o.name, p.kind, oc.code, oc.name, f.code, f.name, e.kind, e.position,
                               p.type, p.weight, p.critical, p.comment, p.recorded_at, p.outcome_id,
                               p.labour_function_id, p.element_id, o.id
                        from expertise_proposal p join organisation o on o.id = p.organisation_id
                        join labour_function f on f.id = p.labour_function_id
                        left join outcome oc on oc.id = p.outcome_id
                        left join function_element e on e.id = p.element_id
                        where p.expertise_id = ? and p.withdrawn_at is null order by p.id""")
                .param(id)
                .query((rs, n) -> new StoredProposal(new Proposal(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ProposalKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), elementKey(rs, 9),
                        rs.getString(11) == null ? null : MappingType.valueOf(rs.getString(11)),
                        number(rs, 12), rs.getBoolean(13), rs.getString(14),
                        rs.getObject(15, OffsetDateTime.class)), (Long) rs.getObject(16, Long.class),
                        rs.getLong(17), (Long) rs.getObject(18, Long.class), rs.getLong(19)))
                .list();
    }

    /** A proposal with the ids of what it names. */
    record StoredProposal(Proposal proposal, @Nullable Long outcomeId, long functionId, @Nullable Long elementId,
                          long organisationId) {
    }

    private static @Nullable Double number(ResultSet rs, int column) throws SQLException {
        java.math.BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : v.doubleValue();
    }

    private static @Nullable String elementKey(ResultSet rs, int column) throws SQLException {
        String kind = rs.getString(column);
        return kind == null ? null : ElementKind.valueOf(kind).key(rs.getInt(column + 1));
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getInt(8), rs.getLong(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getObject(14, OffsetDateTime.class), rs.getObject(15, OffsetDateTime.class),
                rs.getInt(16), rs.getString(17), rs.getObject(18, OffsetDateTime.class),
                (Long) rs.getObject(19, Long.class));
    }
}
