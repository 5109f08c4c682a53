package ru.workready.api.employers;

import java.util.List;
import ru.workready.api.demo.DemoCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.workready.data.employers.DemandService;
import ru.workready.data.employers.DemandService.DemandDraft;
import ru.workready.data.employers.EmployerRepository;
import ru.workready.data.employers.JobProfileService;
import ru.workready.data.employers.JobProfileService.FunctionDraft;
import ru.workready.data.employers.JobProfileService.ProfileDraft;
import ru.workready.data.employers.JobProfileService.Seed;
import ru.workready.data.programmes.ProgrammeRepository;

/**
 * Adds the employer side of the demo once the demo college exists (after the demo data runner):
 * employer DEMO-SOFT in the demo region with a junior developer profile started from ОТФ A of
 * 06.001, and the region's declared demand for the demo cohort's graduation year.
 */
@Component
class DemoEmployers {
    static final String EMPLOYER = "DEMO-SOFT";
    static final String PROFILE = "JUNIOR-DEV";
    static final String REGION = "Демо-регион";
    /** The demo cohort's graduation year as written; it moves with {@link DemoCalendar}. */
    static final int WRITTEN_YEAR = 2027;
    private static final Logger log = LoggerFactory.getLogger(DemoEmployers.class);

    private final boolean enabled;
    private final ProgrammeRepository programmes;
    private final EmployerRepository employers;
    private final JobProfileService profiles;
    private final DemandService demand;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    DemoEmployers(ru.workready.api.demo.DemoSwitch demo, ProgrammeRepository programmes,
                  EmployerRepository employers, JobProfileService profiles, DemandService demand,
                  TransactionTemplate tx, java.time.Clock clock) {
        this.clock = clock;
        this.enabled = demo.enabled();
        this.programmes = programmes;
        this.employers = employers;
        this.profiles = profiles;
        this.demand = demand;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (!enabled || programmes.collegeId("DEMO").isEmpty() || employers.employer(EMPLOYER).isPresent()) {
            return;
        }
        int year = DemoCalendar.of(clock).year(WRITTEN_YEAR);
        tx.executeWithoutResult(status -> {
            profiles.createEmployer(EMPLOYER, "ООО «Демо-Софт»", REGION);
            profiles.create(EMPLOYER, new ProfileDraft(PROFILE, "Младший разработчик",
                    new Seed("06.001", "A", null, 3), List.of(
                    new FunctionDraft("06.001", "A/01.3", 4, false, null),
                    new FunctionDraft("06.001", "A/02.3", 5, true, "PARTIALLY_READY"),
                    new FunctionDraft("06.001", "A/05.3", 4, false, "PARTIALLY_READY"))));
            demand.upload(List.of(
                    new DemandDraft(REGION, year, 8, EMPLOYER, PROFILE, null, null, "ООО «Демо-Софт», заявка"),
                    new DemandDraft(REGION, year, 15, null, null, "06.001", "A/01.3", "Демо ТОП-регион"),
                    new DemandDraft(REGION, year, 10, null, null, "06.001", "A", "Демо прогноз потребности")));
        });
        log.info("Demo employer {} with profile {} and {} demand for {} loaded", EMPLOYER, PROFILE, REGION, year);
    }
}
