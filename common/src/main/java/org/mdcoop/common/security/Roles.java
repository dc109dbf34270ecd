package org.mdcoop.common.security;

import java.util.List;

/** Realm roles; the same names exist in both parties' identity providers. */
public final class Roles {

    public static final String LIAISON = "liaison";
    public static final String TRANSPARENCY_OFFICER = "transparency-officer";
    public static final String EXERCISE_PLANNER = "exercise-planner";
    public static final String FUSION_OPERATOR = "fusion-operator";
    public static final String ANALYST = "analyst";
    public static final String AUDITOR = "auditor";

    public static final List<String> ALL =
            List.of(LIAISON, TRANSPARENCY_OFFICER, EXERCISE_PLANNER, FUSION_OPERATOR, ANALYST, AUDITOR);

    private Roles() {
    }
}
