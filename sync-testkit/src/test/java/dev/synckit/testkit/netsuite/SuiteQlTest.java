package dev.synckit.testkit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteQlTest {

  private static final List<Map<String, Object>> ROWS = List.of(
      Map.of("id", new BigDecimal("10"), "companyname", "Acme", "lastmodifieddate", LocalDateTime.parse("2026-01-01T23:30:00")),
      Map.of("id", new BigDecimal("9"), "companyname", "Beta", "lastmodifieddate", LocalDateTime.parse("2026-01-02T00:10:00")),
      Map.of("id", new BigDecimal("11"), "companyname", "O'Neil", "lastmodifieddate", LocalDateTime.parse("2026-01-01T23:30:00")));

  private static List<Map<String, Object>> run(String q) {
    return SuiteQl.run(SuiteQl.parse(q), ROWS);
  }

  @Test
  void whereAndOrderBy_areEvaluated_withNumericIdsAndTimestamps() {
    assertThat(run("SELECT id FROM customer WHERE lastmodifieddate >= TO_TIMESTAMP('2026-01-01 23:30:00',"
        + " 'YYYY-MM-DD HH24:MI:SS') ORDER BY lastmodifieddate, id")).extracting(r -> r.get("id"))
        .containsExactly("10", "11", "9");
    assertThat(run("select ID from CUSTOMER where (companyname = 'O''Neil' or id < 10) and not id in (1, 2)"
        + " order by id desc")).extracting(r -> r.get("id")).containsExactly("11", "9");
  }

  @Test
  void toChar_andAliases_giveLowerCaseColumns_andDatesDefaultToTheUserPreferenceFormat() {
    Map<String, Object> row = run("SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS Modified,"
        + " lastmodifieddate FROM customer WHERE id = 9 ORDER BY id").get(0);
    assertThat(row).containsEntry("modified", "2026-01-02 00:10:00").containsEntry("lastmodifieddate", "1/2/2026");
  }

  @Test
  void aDateOnlyBound_comparesWithMidnight() {
    assertThat(run("SELECT id FROM customer WHERE lastmodifieddate >= TO_DATE('2026-01-02', 'YYYY-MM-DD') ORDER BY id"))
        .extracting(r -> r.get("id")).containsExactly("9");
  }

  @Test
  void malformedQueries_areRefusedWithAReason() {
    assertThatThrownBy(() -> SuiteQl.parse("SELECT FROM customer")).hasMessageContaining("FROM");
    assertThatThrownBy(() -> SuiteQl.parse("SELECT id FROM customer WHERE id = 'x")).hasMessageContaining("Unterminated");
    assertThatThrownBy(() -> SuiteQl.parse("DELETE FROM customer")).hasMessageContaining("SELECT");
    assertThatThrownBy(() -> SuiteQl.parse("SELECT id FROM customer ORDER BY id LIMIT 5")).hasMessageContaining("limit");
  }
}
