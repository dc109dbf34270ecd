package org.mdcoop.agreement.domain;

/** The practical measures an agreement may enable. An agreement covers a non-empty subset of them. */
public enum Element {
    TRANSPARENCY,
    JOINT_EXERCISES,
    DATA_FUSION_CENTRE,
    COOPERATION_CENTRE
}
