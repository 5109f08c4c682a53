package ru.workready.data.reports;

import java.util.List;
import ru.workready.data.reports.ReportRepository.ProgrammeRow;

/** The programme and the (standard edition, mapping version) pairs a report is computed from. */
record ReportScope(ProgrammeRow programme, List<Provenance.Source> sources) {
}
