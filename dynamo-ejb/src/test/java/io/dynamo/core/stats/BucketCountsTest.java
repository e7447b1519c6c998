package io.dynamo.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BucketCountsTest {

    @Test
    void aValueGoesToTheFirstBucketWhoseBoundItDoesNotExceedAndPastTheLastToTheOverflow() {
        BucketCounts histogram = new BucketCounts(1, 4, 16);
        for (long value : new long[] {0, 1, 2, 4, 5, 16, 17, 1000}) {
            histogram.record(value);
        }
        BucketCounts.Snapshot s = histogram.snapshot();
        assertThat(s.counts()).containsExactly(2, 2, 2, 2);
        assertThat(s.count()).isEqualTo(8);
        assertThat(s.sum()).isEqualTo(1045);
        assertThat(s.cumulative(0)).isEqualTo(2);
        assertThat(s.cumulative(2)).isEqualTo(6);
        assertThat(s.cumulative(3)).as("le=+Inf: every value").isEqualTo(8);
    }

    @Test
    void boundsMustIncrease() {
        assertThatThrownBy(() -> new BucketCounts(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(BucketCounts::new).isInstanceOf(IllegalArgumentException.class);
    }
}
