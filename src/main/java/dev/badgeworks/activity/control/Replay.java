package dev.badgeworks.activity.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One rule replayed over one customer's matching activities, fed in event order: the measure per window, the
 * streak, and the completions so far. What a completion consumes is decided here (see {@link RuleEvaluation}).
 */
abstract class Replay {

    private static final Cycle LIFETIME = new Cycle("L", null, null);
    private static final String ROLLING_KEY = "R";

    final ActivityRule rule;
    final Tally tally;
    private final List<Completion> completions = new ArrayList<>();
    Activity last;

    Replay(ActivityRule rule) {
        this.rule = rule;
        this.tally = Tally.of(rule.measure());
    }

    static Replay of(ActivityRule rule) {
        if (rule.window() instanceof RuleWindow.Fixed fixed) {
            return new FixedCycles(rule, fixed);
        }
        if (rule.window() instanceof RuleWindow.Rolling rolling) {
            return new Rolling(rule, rolling);
        }
        return new Lifetime(rule);
    }

    /** Counts an activity no earlier, in event order, than any before it. */
    abstract void accept(Activity a);

    /** The progress at {@code asOf}, no earlier than any activity accepted. */
    abstract Progress progressAt(Instant asOf);

    List<Completion> completions() {
        return completions;
    }

    boolean mayEarn() {
        return rule.repeat() || completions.isEmpty();
    }

    boolean finished() {
        return !mayEarn();
    }

    void complete(Activity a, Cycle cycle) {
        Completion previous = completions.isEmpty() ? null : completions.get(completions.size() - 1);
        int ordinal = previous != null && previous.cycle().key().equals(cycle.key()) ? previous.ordinal() + 1 : 1;
        // one earn per cycle where a rule earns in every cycle it meets; else the n-th earn is the n-th completion, an
        // identity back-dated activities cannot change (they may move its date, see RuleEvaluation)
        String slot = RuleHistory.perCycle(rule) ? cycle.key() + ":1" : "N:" + (completions.size() + 1);
        completions.add(new Completion(a, cycle, ordinal, tally.value(),
                RuleEvaluation.earnRequestId(rule.id(), slot, a.customerId())));
    }


    boolean reached() {
        return tally.value().compareTo(rule.target()) >= 0;
    }

    /** Each further multiple of the target completes again when repeating; one activity completes at most once. */
    private static final class Lifetime extends Replay {
        private BigDecimal multiplesReached = BigDecimal.ZERO;

        Lifetime(ActivityRule rule) {
            super(rule);
        }

        @Override
        void accept(Activity a) {
            tally.add(a);
            last = a;
            BigDecimal multiples = tally.value().divideToIntegralValue(rule.target());
            if (mayEarn() && multiples.compareTo(multiplesReached) > 0) {
                multiplesReached = multiples;
                complete(a, LIFETIME);
            }
        }

        @Override
        Progress progressAt(Instant asOf) {
            BigDecimal target = rule.repeat()
                    ? rule.target().multiply(multiplesReached.add(BigDecimal.ONE)) : rule.target();
            return new Progress(LIFETIME, tally.value(), target, 0, last, finished());
        }
    }

    /** One completion per cycle at most; with a streak, the cycles met in a row are consumed by a completion. */
    private static final class FixedCycles extends Replay {
        private final RuleWindow.Fixed window;
        private Long currentIndex;
        private boolean currentMet;
        private Long lastMetIndex;
        private int metInARow;

        FixedCycles(ActivityRule rule, RuleWindow.Fixed window) {
            super(rule);
            this.window = window;
        }

        @Override
        void accept(Activity a) {
            long index = window.indexOf(a.eventDate());
            if (currentIndex == null || index != currentIndex) {
                currentIndex = index;
                currentMet = false;
                tally.clear();
            }
            tally.add(a);
            last = a;
            if (!currentMet && reached()) {
                currentMet = true;
                met(a, index);
            }
        }

        private void met(Activity a, long index) {
            if (rule.streak() == 0) {
                if (mayEarn()) {
                    complete(a, window.cycle(index));
                }
                return;
            }
            metInARow = lastMetIndex != null && lastMetIndex == index - 1 ? metInARow + 1 : 1;
            lastMetIndex = index;
            if (metInARow >= rule.streak() && mayEarn()) {
                complete(a, window.cycle(index));
                metInARow = 0;
            }
        }

        @Override
        Progress progressAt(Instant asOf) {
            long index = window.indexOf(asOf);
            BigDecimal value = currentIndex != null && currentIndex == index ? tally.value() : BigDecimal.ZERO;
            boolean alive = lastMetIndex != null && (lastMetIndex == index || lastMetIndex == index - 1);
            return new Progress(window.cycle(index), value, rule.target(), alive ? metInARow : 0, last, finished());
        }
    }

    /** A completion consumes the activities in its window: the next one counts only activities after it. */
    private static final class Rolling extends Replay {
        private final RuleWindow.Rolling window;
        private final Deque<Activity> inWindow = new ArrayDeque<>();

        Rolling(ActivityRule rule, RuleWindow.Rolling window) {
            super(rule);
            this.window = window;
        }

        private void slideTo(Instant t) {
            Instant openStart = t.minus(window.span());
            while (!inWindow.isEmpty() && !inWindow.peekFirst().eventDate().isAfter(openStart)) {
                tally.remove(inWindow.removeFirst());
            }
        }

        @Override
        void accept(Activity a) {
            slideTo(a.eventDate());
            inWindow.addLast(a);
            tally.add(a);
            last = a;
            if (mayEarn() && reached()) {
                complete(a, new Cycle(ROLLING_KEY, a.eventDate().minus(window.span()), a.eventDate()));
                inWindow.clear();
                tally.clear();
            }
        }

        @Override
        Progress progressAt(Instant asOf) {
            slideTo(asOf);
            return new Progress(new Cycle(ROLLING_KEY, asOf.minus(window.span()), asOf), tally.value(), rule.target(),
                    0, last, finished());
        }
    }
}
