package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.core.failure.RejectedException;
import org.junit.jupiter.api.Test;

class ExternalIdsTest {

    @Test
    void require_acceptsLettersDigitsUnderscoreAndHyphen() {
        assertThat(ExternalIds.require("CRM-001_a")).isEqualTo("CRM-001_a");
    }

    @Test
    void require_refusesOtherCharactersWithATypedRejection() {
        for (String bad : new String[] {"CRM:001", "a|b", "a b", "a/b", "", "é"}) {
            assertThatThrownBy(() -> ExternalIds.require(bad))
                    .isInstanceOfSatisfying(RejectedException.class, e -> {
                        assertThat(e.platformCode()).contains(ExternalIds.INVALID_EXTERNAL_ID);
                        assertThat(e.field()).contains("externalId");
                        assertThat(e.retryable()).isFalse();
                    });
        }
    }

    @Test
    void require_refusesIdsLongerThanTheLimit() {
        assertThatThrownBy(() -> ExternalIds.require("x".repeat(ExternalIds.MAX_LENGTH + 1)))
                .isInstanceOf(RejectedException.class).hasMessageContaining("longer than");
    }

    @Test
    void fromCanonicalId_keepsValidCanonicalIds() {
        assertThat(ExternalIds.fromCanonicalId("cust-42")).isEqualTo("cust-42");
    }

    @Test
    void fromCanonicalId_hashesLongOrInvalidIds_stablyAndValidly() {
        String longId = "c".repeat(200);
        String a = ExternalIds.fromCanonicalId(longId);
        assertThat(a).isEqualTo(ExternalIds.fromCanonicalId(longId)).hasSizeLessThanOrEqualTo(ExternalIds.MAX_LENGTH);
        assertThat(ExternalIds.isValid(a)).isTrue();
        assertThat(ExternalIds.fromCanonicalId("c".repeat(199) + "d")).isNotEqualTo(a);
        String odd = ExternalIds.fromCanonicalId("crm:001/x");
        assertThat(ExternalIds.isValid(odd)).isTrue();
        assertThat(odd).startsWith("crm_001_x-").isNotEqualTo(ExternalIds.fromCanonicalId("crm_001_x"));
    }
}
