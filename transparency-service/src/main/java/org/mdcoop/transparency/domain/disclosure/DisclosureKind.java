package org.mdcoop.transparency.domain.disclosure;

/** What a disclosure is about; each kind has exactly one content record type. */
public enum DisclosureKind {
    INVENTORY(InventoryContent.class),
    INTERCEPTOR_PERFORMANCE(InterceptorPerformanceContent.class),
    DEPLOYMENT_PLAN(DeploymentPlanContent.class);

    private final Class<? extends DisclosureContent> contentType;

    DisclosureKind(Class<? extends DisclosureContent> contentType) {
        this.contentType = contentType;
    }

    /** The record to (de)serialise this kind's JSONB content as. */
    public Class<? extends DisclosureContent> contentType() {
        return contentType;
    }
}
