package org.mdcoop.transparency.service;

import org.mdcoop.transparency.domain.compliance.DeadlinePolicy;
import org.mdcoop.transparency.domain.observation.InterceptorTest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of the transparency-service ({@code mdcoop.transparency.*}). */
@ConfigMapping(prefix = "mdcoop.transparency")
public interface TransparencyConfig {

    /** Days after activation within which each kind's initial disclosure is due. */
    @WithDefault("45")
    int initialDays();

    /** Days after a real-world change within which the revision is due. */
    @WithDefault("5")
    int changeDays();

    /** Days after the end of a half-year round within which that round's update is due. */
    @WithDefault("0")
    int updateGraceDays();

    /** An invitation to observe a test issued less than this many days before its window is flagged late. */
    @WithDefault("" + InterceptorTest.DEFAULT_MIN_NOTICE_DAYS)
    int minNoticeDays();

    default DeadlinePolicy deadlinePolicy() {
        return new DeadlinePolicy(initialDays(), changeDays(), updateGraceDays());
    }
}
