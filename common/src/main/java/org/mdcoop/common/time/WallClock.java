package org.mdcoop.common.time;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * The machine's clock, for operational time that must agree with the database's {@code now()} and the broker's
 * record timestamps (outbox stamps, retention, replaying a topic from a moment) — never for a rule of the agreement,
 * which reads the service clock ({@link java.time.Clock}, movable in tests and demos).
 */
@Qualifier
@Retention(RUNTIME)
@Target({ METHOD, FIELD, PARAMETER, TYPE })
public @interface WallClock {
}
