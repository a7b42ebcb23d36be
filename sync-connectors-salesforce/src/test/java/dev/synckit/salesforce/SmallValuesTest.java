package dev.synckit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class SmallValuesTest {

    @Test
    void sforceLimitInfo_isParsed_withOrWithoutBursts() {
        assertThat(ApiUsage.parse("api-usage=18/5000")).contains(new ApiUsage(18, 5000));
        assertThat(ApiUsage.parse("api-usage=18/5000; api-bursts=1/750")).contains(new ApiUsage(18, 5000));
        assertThat(ApiUsage.parse("per-app-api-usage=17/250(appName=x)")).isEmpty();
        assertThat(ApiUsage.parse("garbage")).isEmpty();
        assertThat(new ApiUsage(4990, 5000).remaining()).isEqualTo(10);
    }

    @Test
    void salesforceDateTimes_parseTheWireFormatAndIsoVariants() {
        Instant expected = Instant.parse("2015-08-19T08:17:00Z");
        assertThat(SalesforceDateTimes.parse("2015-08-19T08:17:00.000+0000")).isEqualTo(expected);
        assertThat(SalesforceDateTimes.parse("2015-08-19T08:17:00Z")).isEqualTo(expected);
        assertThat(SalesforceDateTimes.parse("2015-08-19T08:17:00.000+00:00")).isEqualTo(expected);
        assertThat(SalesforceDateTimes.parse("2015-08-19T10:17:00.000+0200")).isEqualTo(expected);
        assertThatThrownBy(() -> SalesforceDateTimes.parse("yesterday")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void salesforceDateTimes_formatWireTextAndSoqlLiterals() {
        Instant t = Instant.parse("2024-05-01T10:15:30Z");
        assertThat(SalesforceDateTimes.format(t)).isEqualTo("2024-05-01T10:15:30.000+0000");
        assertThat(SalesforceDateTimes.soqlLiteral(t)).isEqualTo("2024-05-01T10:15:30Z");
        assertThat(SalesforceDateTimes.soqlLiteral(t.plusMillis(250))).isEqualTo("2024-05-01T10:15:30.250Z");
    }
}
