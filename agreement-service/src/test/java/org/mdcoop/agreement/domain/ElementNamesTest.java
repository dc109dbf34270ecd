package org.mdcoop.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.mdcoop.agreement.contract.AgreementStatusMessage;

/** The followers know the elements by the contract's names (their metrics list each): they must be these. */
class ElementNamesTest {

    @Test
    void theContractNamesEveryElementOfTheAgreement() {
        assertThat(Arrays.stream(Element.values()).map(Enum::name).toList())
                .containsExactlyElementsOf(AgreementStatusMessage.ELEMENTS);
    }
}
