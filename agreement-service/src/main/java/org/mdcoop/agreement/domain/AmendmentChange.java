package org.mdcoop.agreement.domain;

/**
 * The parameter of a typed amendment: {@code element} for ADD_ELEMENT/REMOVE_ELEMENT, {@code noticeMonths} for
 * CHANGE_NOTICE_PERIOD, neither for TEXT. Validated by {@link Agreement#checkChange}.
 */
public record AmendmentChange(AmendmentType type, Element element, Integer noticeMonths) {

    public static final AmendmentChange TEXT = new AmendmentChange(AmendmentType.TEXT, null, null);

    public AmendmentChange {
        type = type == null ? AmendmentType.TEXT : type;
    }

    public static AmendmentChange addElement(Element element) {
        return new AmendmentChange(AmendmentType.ADD_ELEMENT, element, null);
    }

    public static AmendmentChange removeElement(Element element) {
        return new AmendmentChange(AmendmentType.REMOVE_ELEMENT, element, null);
    }

    public static AmendmentChange noticeMonths(Integer months) {
        return new AmendmentChange(AmendmentType.CHANGE_NOTICE_PERIOD, null, months);
    }
}
