package ru.workready.api.trainingorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.workready.api.demo.DemoCalendar;
import ru.workready.api.demo.DemoSwitch;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.trainingorder.CapacityService;
import ru.workready.data.trainingorder.ForecastService;
import ru.workready.data.trainingorder.TopRegionService;

/**
 * The demo region's planning inputs, once the demo college exists: a specialty forecast file (09.02.07 for three
 * years, and 35.02.01, which no demo college trains), the ТОП-Регион list and DEMO's and DEMO2's capacities for
 * 09.02.07. The files' years are written for 2026-11-25 and move with {@link DemoCalendar}, like the rest of the demo.
 */
@Component
class DemoTrainingOrder {
    static final String REGION = "Демо-регион";
    static final int CAPACITY = 40;
    /** DEMO2 admits 18 now and may admit at most 20: its limit binds as soon as the region asks it for 3 places. */
    static final String SECOND_COLLEGE = "DEMO2";
    static final int SECOND_CAPACITY = 20;
    private static final Logger log = LoggerFactory.getLogger(DemoTrainingOrder.class);
    private static final Pattern YEAR = Pattern.compile("(?m)^(Демо-регион;)(20[0-9]{2})(;)");

    private final boolean enabled;
    private final ProgrammeRepository programmes;
    private final ForecastService forecasts;
    private final TopRegionService topRegion;
    private final CapacityService capacities;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoTrainingOrder(DemoSwitch demo, ProgrammeRepository programmes, ForecastService forecasts,
                      TopRegionService topRegion, CapacityService capacities, TransactionTemplate tx,
                      Clock clock) {
        this.enabled = demo.enabled();
        this.programmes = programmes;
        this.forecasts = forecasts;
        this.topRegion = topRegion;
        this.capacities = capacities;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (!enabled || programmes.collegeId("DEMO").isEmpty()) {
            return;
        }
        if (!forecasts.anyFor(REGION)) {
            DemoCalendar calendar = DemoCalendar.of(clock);
            tx.executeWithoutResult(status -> {
                forecasts.upload(shifted("/demo/forecast-09.02.07.csv", calendar), "text/csv");
                topRegion.upload(shifted("/demo/top-region.csv", calendar), "text/csv");
                capacity("DEMO", CAPACITY);
            });
            log.info("Demo forecasts, ТОП-Регион list and intake capacity of {} loaded", REGION);
        }
        // the second demo college's limit, also on a demo loaded before it existed
        if (programmes.collegeId(SECOND_COLLEGE).isPresent() && capacities.list(REGION, SECOND_COLLEGE).isEmpty()) {
            capacity(SECOND_COLLEGE, SECOND_CAPACITY);
        }
    }

    private void capacity(String college, int places) {
        capacities.upload(("college;fgos_code;places;source\n" + college + ";09.02.07;" + places
                + ";Демо лицензия\n").getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    /** The file with each row's year moved by the calendar's shift. */
    private static byte[] shifted(String resource, DemoCalendar calendar) {
        String text;
        try (InputStream in = DemoTrainingOrder.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = YEAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1) + calendar.year(Integer.parseInt(m.group(2))) + m.group(3));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
