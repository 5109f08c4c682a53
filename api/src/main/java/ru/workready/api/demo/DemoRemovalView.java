package ru.workready.api.demo;

import java.util.List;
import ru.workready.data.demo.DemoRepository;

/** What removing the demo took away: its colleges (codes), and how many students and employers. */
record DemoRemovalView(List<String> colleges, long students, long employers) {

    static DemoRemovalView from(DemoRepository.Removed r) {
        return new DemoRemovalView(r.colleges(), r.students(), r.employers());
    }
}
