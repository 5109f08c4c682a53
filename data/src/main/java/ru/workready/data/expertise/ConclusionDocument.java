package ru.workready.data.expertise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.data.expertise.Expertise.ConcludedRow;
import ru.workready.data.expertise.Expertise.Conclusion;
import ru.workready.data.expertise.Expertise.Decision;
import ru.workready.data.expertise.Expertise.Expert;
import ru.workready.data.expertise.Expertise.Proposal;
import ru.workready.data.expertise.Expertise.RowConclusion;
import ru.workready.data.reports.Table;
import ru.workready.data.reports.Tabular;

/**
 * The expert conclusion document (экспертное заключение) a college attaches to its professional-public accreditation
 * file: the programme, the standard, each row with each expert's decision and comment, the conclusion, and places for
 * signatures. Exported through the reports' XLSX writer (text cells never become formulas).
 */
public record ConclusionDocument(Conclusion conclusion) implements Tabular {

    public static final Map<RowConclusion, String> RU = Map.of(RowConclusion.APPROVED, "одобрено",
            RowConclusion.NOT_REVIEWED, "не рассмотрено", RowConclusion.CHANGES_PROPOSED, "предложены изменения",
            RowConclusion.DISPUTED, "оспорено");

    @Override
    public List<String> provenanceLines() {
        Expertise.Summary s = conclusion.expertise();
        List<String> lines = new ArrayList<>();
        lines.add("ЭКСПЕРТНОЕ ЗАКЛЮЧЕНИЕ работодателей № " + s.id());
        lines.add("Программа: " + s.fgosCode() + " «" + s.programmeName() + "», колледж " + s.college() + ", набор "
                + s.intakeYear());
        lines.add("Профстандарт: " + s.standardCode() + " «" + s.standardName() + "» (приказ " + s.orderNumber()
                + "), версия сопоставления " + s.mappingVersion());
        lines.add("Направлено на экспертизу: " + s.submittedAt().toLocalDate() + " (" + s.submittedBy() + "), срок "
                + s.deadline().toLocalDate().minusDays(1));
        lines.add("Правило: строка одобрена, если ни один эксперт не возражает и согласны не менее "
                + s.minAgreements());
        lines.add("Итог: " + RU.get(conclusion.set()) + (conclusion.fin() ? "" : " (экспертиза не завершена)"));
        for (Expert e : s.experts()) {
            lines.add("Эксперт: " + e.name() + (e.submittedAt() == null ? " — отзыв не представлен"
                    : " — отзыв представлен " + e.submittedAt().toLocalDate())
                    + "    Подпись: ____________________ / ____________________ /");
        }
        lines.add("От образовательной организации: ____________________ / ____________________ /   М. П.");
        return lines;
    }

    @Override
    public List<Table> tables() {
        List<Expert> experts = conclusion.expertise().experts();
        List<String> header = new ArrayList<>(List.of("ТФ", "Наименование ТФ", "Элемент", "Результат",
                "Наименование результата", "Тип", "Вес", "Критичный"));
        experts.forEach(e -> header.add(e.name()));
        header.add("Заключение");
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (ConcludedRow r : conclusion.rows()) {
            List<@Nullable Object> row = new ArrayList<>(Arrays.asList(r.row().functionCode(), r.row().functionName(),
                    r.row().elementKey() == null ? null : r.row().elementKey() + " " + r.row().elementText(),
                    r.row().outcomeCode(), r.row().outcomeName(), r.row().type().name(), r.row().weight(),
                    r.row().critical() ? "да" : "нет"));
            for (Expert e : experts) {
                row.add(r.decisions().stream().filter(d -> d.organisation().equals(e.organisation())).findFirst()
                        .map(ConclusionDocument::decision).orElse("—"));
            }
            row.add(RU.get(r.conclusion()));
            rows.add(row);
        }
        List<List<@Nullable Object>> proposals = new ArrayList<>();
        for (Proposal p : conclusion.proposals()) {
            proposals.add(Arrays.asList(p.organisationName(), p.kind() == Expertise.ProposalKind.MISSING_ROW
                    ? "недостающая связь" : "непокрытая ТФ", p.functionCode(), p.outcomeCode(),
                    p.type() == null ? null : p.type().name(), p.weight(), p.comment()));
        }
        return List.of(new Table("Заключение", header, rows), new Table("Предложения",
                List.of("Эксперт", "Вид", "ТФ", "Результат", "Тип", "Вес", "Комментарий"), proposals));
    }

    /** One expert's decision in words, e.g. «не согласен: …» or «предлагает: вес 0.5». */
    public static String decision(Decision d) {
        String text = switch (d.verdict()) {
            case AGREE -> "согласен";
            case DISAGREE -> "не согласен";
            case PROPOSE -> "предлагает:" + (d.proposedType() == null ? "" : " тип " + d.proposedType())
                    + (d.proposedWeight() == null ? "" : " вес " + d.proposedWeight())
                    + (d.proposedCritical() == null ? "" : d.proposedCritical() ? " критичный" : " не критичный");
        };
        return d.comment() == null ? text : text + " — " + d.comment();
    }

    @Override
    public String fileName() {
        return "expertise-" + conclusion.expertise().id();
    }
}
