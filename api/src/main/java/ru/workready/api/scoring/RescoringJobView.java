package ru.workready.api.scoring;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import ru.workready.data.scoring.RescoreJobRepository;

/** A background rescoring job: its scope, progress (done of total students, scores written) and status. */
record RescoringJobView(long id, String scopeKind, String scopeCode, String status, int total, int done, long scores,
                        @Nullable String error, OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt) {

    static RescoringJobView from(RescoreJobRepository.Job j) {
        return new RescoringJobView(j.id(), j.scopeKind(), j.scopeCode(), j.status(), j.total(), j.done(), j.scores(),
                j.error(), j.startedAt(), j.finishedAt());
    }
}
