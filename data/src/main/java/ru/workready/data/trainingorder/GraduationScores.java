package ru.workready.data.trainingorder;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.data.trainingorder.RegionProgrammes.Intake;
import ru.workready.engine.scoring.FunctionScore;

/**
 * The graduates' scores at graduation per graduating group (one intake), kept between orders: scoring every graduate
 * of the history window is what an order costs. A group's scores change only when what they are computed from
 * changes, so the key holds all of it — the group, the rule set that judges its college now (version id), the ids
 * of the group's active mapping sets, and the college's last upload of results or rosters (evidence is append-only
 * and comes only through uploads: a new upload, or a correction, gives a new id). A key read from the database on
 * every order makes a stale entry unreachable on every node; the oldest entries past {@link #MAX_GROUPS} are dropped.
 */
@Component
public class GraduationScores {
    /** Everything a group's scores at graduation depend on. */
    record Key(long programmeId, long ruleSetVersion, String mappingSets, long lastUpload) {
    }

    static final int MAX_GROUPS = 2_000;

    private final Map<Key, List<Map<String, FunctionScore>>> groups = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, List<Map<String, FunctionScore>>> eldest) {
                    return size() > MAX_GROUPS;
                }
            });
    private final RegionProgrammes programmes;
    private final RuleBaseRegistry rules;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public GraduationScores(RegionProgrammes programmes, RuleBaseRegistry rules) {
        this.programmes = programmes;
        this.rules = rules;
    }

    /** The current key of each of the region's intakes (official region name), read once per order. */
    Map<Long, Key> keys(String region, List<Intake> intakes) {
        Map<Long, String> mappings = programmes.activeMappingSets(region);
        Map<String, Long> uploads = programmes.lastUploads(region);
        Map<String, Long> ruleSets = new HashMap<>();
        Map<Long, Key> out = new HashMap<>();
        for (Intake i : intakes) {
            long ruleSet = ruleSets.computeIfAbsent(i.college(), c -> rules.forCollege(c, region).version().id());
            out.put(i.programmeId(), new Key(i.programmeId(), ruleSet, mappings.getOrDefault(i.programmeId(), ""),
                    uploads.getOrDefault(i.college(), 0L)));
        }
        return out;
    }

    /** The group's scores under this key, computed (and kept) when not known yet. */
    List<Map<String, FunctionScore>> scores(Key key, Supplier<List<Map<String, FunctionScore>>> compute) {
        List<Map<String, FunctionScore>> known = groups.get(key);
        if (known != null) {
            hits.incrementAndGet();
            return known;
        }
        misses.incrementAndGet();
        List<Map<String, FunctionScore>> computed = compute.get().stream().map(Map::copyOf).toList();
        groups.put(key, computed);
        return computed;
    }

    /** Groups found kept and groups computed since start (for tests and the order's log line). */
    public long[] hitsAndMisses() {
        return new long[] {hits.get(), misses.get()};
    }
}
