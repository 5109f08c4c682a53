package ru.workready.engine.outcomes;

/** A 95 % confidence interval [low, high] around an estimate. */
public record Interval(double estimate, double low, double high) {

    public boolean covers(double value) {
        return low <= value && value <= high;
    }
}
