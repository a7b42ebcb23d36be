package dev.synckit.testkit.netsuite;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SuiteQL subset the simulator understands: a tokenizer, a recursive-descent parser and an evaluator over rows
 * whose values are {@link String}, {@link BigDecimal}, {@link LocalDate} or {@link LocalDateTime} (account time).
 * Stateless and thread-safe.
 *
 * <pre>
 * query   := SELECT item {, item} FROM table [WHERE or] [ORDER BY order {, order}]
 * item    := '*' | value [[AS] name]
 * value   := column | string | number | fn '(' value {, value} ')'      fn: TO_DATE TO_TIMESTAMP TO_CHAR UPPER LOWER
 * or      := and {OR and}
 * and     := not {AND not}
 * not     := NOT not | '(' or ')' | value op value | value IS [NOT] NULL
 *          | value [NOT] IN '(' value {, value} ')' | value [NOT] LIKE string | value BETWEEN value AND value
 * op      := = | <> | != | < | <= | > | >=
 * order   := value [ASC | DESC]
 * </pre>
 *
 * Keywords, columns and tables are case-insensitive; date formats use Oracle's {@code YYYY MM DD HH24 MI SS} and
 * double-quoted literal text.
 */
final class SuiteQl {

  private SuiteQl() {}

  /** A malformed or unsupported query; the simulator answers 400 {@code INVALID_PARAMETER}. */
  static final class SuiteQlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SuiteQlException(String message) {
      super(message, null, false, false);
    }
  }

  record Query(List<Item> select, String from, @Nullable Cond where, List<Order> orderBy) {}

  /** A select item; {@code value == null} means {@code *}. */
  record Item(@Nullable Value value, String name) {}

  record Order(Value value, boolean descending) {}

  sealed interface Value permits Column, Literal, Call {
    @Nullable Object eval(Map<String, Object> row);
  }

  record Column(String name) implements Value {
    public @Nullable Object eval(Map<String, Object> row) {
      return row.get(name);
    }
  }

  record Literal(@Nullable Object value) implements Value {
    public @Nullable Object eval(Map<String, Object> row) {
      return value;
    }
  }

  record Call(String fn, List<Value> args) implements Value {
    public @Nullable Object eval(Map<String, Object> row) {
      List<@Nullable Object> a = new ArrayList<>();
      for (Value v : args) {
        a.add(v.eval(row));
      }
      if (a.get(0) == null) {
        return null;
      }
      return switch (fn) {
        case "upper" -> String.valueOf(a.get(0)).toUpperCase(Locale.ROOT);
        case "lower" -> String.valueOf(a.get(0)).toLowerCase(Locale.ROOT);
        case "to_date" -> LocalDate.from(parseTemporal(String.valueOf(a.get(0)), format(a, fn)));
        case "to_timestamp" -> {
          TemporalAccessor t = parseTemporal(String.valueOf(a.get(0)), format(a, fn));
          yield t.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY) ? LocalDateTime.from(t)
              : LocalDate.from(t).atStartOfDay();
        }
        case "to_char" -> toChar(a.get(0), format(a, fn));
        default -> throw new SuiteQlException("Unknown function " + fn.toUpperCase(Locale.ROOT));
      };
    }

    private static String format(List<@Nullable Object> a, String fn) {
      if (a.size() != 2 || a.get(1) == null) {
        throw new SuiteQlException(fn.toUpperCase(Locale.ROOT) + " needs a value and a format");
      }
      return String.valueOf(a.get(1));
    }

    private static TemporalAccessor parseTemporal(String text, String oracleFormat) {
      try {
        return formatter(oracleFormat).parse(text);
      } catch (DateTimeParseException e) {
        throw new SuiteQlException("Invalid date " + text + " for format " + oracleFormat);
      }
    }

    private static String toChar(Object value, String oracleFormat) {
      if (value instanceof LocalDateTime || value instanceof LocalDate) {
        LocalDateTime t = value instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) value;
        return formatter(oracleFormat).format(t);
      }
      return render(value);
    }
  }

  sealed interface Cond permits And, Or, Not, Compare, IsNull, In, Like {
    boolean test(Map<String, Object> row);
  }

  record And(Cond l, Cond r) implements Cond {
    public boolean test(Map<String, Object> row) {
      return l.test(row) && r.test(row);
    }
  }

  record Or(Cond l, Cond r) implements Cond {
    public boolean test(Map<String, Object> row) {
      return l.test(row) || r.test(row);
    }
  }

  record Not(Cond c) implements Cond {
    public boolean test(Map<String, Object> row) {
      return !c.test(row);
    }
  }

  record Compare(Value l, String op, Value r) implements Cond {
    public boolean test(Map<String, Object> row) {
      Object a = l.eval(row);
      Object b = r.eval(row);
      if (a == null || b == null) {
        return false; // SQL: a comparison with NULL is unknown
      }
      int c = compare(a, b);
      return switch (op) {
        case "=" -> c == 0;
        case "<>", "!=" -> c != 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case ">=" -> c >= 0;
        default -> throw new SuiteQlException("Unknown operator " + op);
      };
    }
  }

  record IsNull(Value v, boolean negated) implements Cond {
    public boolean test(Map<String, Object> row) {
      return (v.eval(row) == null) != negated;
    }
  }

  record In(Value v, List<Value> options, boolean negated) implements Cond {
    public boolean test(Map<String, Object> row) {
      Object a = v.eval(row);
      if (a == null) {
        return false;
      }
      boolean found = false;
      for (Value o : options) {
        Object b = o.eval(row);
        if (b != null && compare(a, b) == 0) {
          found = true;
          break;
        }
      }
      return found != negated;
    }
  }

  record Like(Value v, String pattern, boolean negated) implements Cond {
    public boolean test(Map<String, Object> row) {
      Object a = v.eval(row);
      if (a == null) {
        return false;
      }
      StringBuilder regex = new StringBuilder();
      for (char c : pattern.toCharArray()) {
        regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
      }
      return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(render(a)).matches() != negated;
    }
  }

  /** Compares two values: numbers numerically, dates and timestamps in time order, the rest as text. */
  static int compare(Object a, Object b) {
    if (a instanceof LocalDate d && b instanceof LocalDateTime) {
      a = d.atStartOfDay();
    }
    if (b instanceof LocalDate d && a instanceof LocalDateTime) {
      b = d.atStartOfDay();
    }
    if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
      return x.compareTo(y);
    }
    if (a instanceof LocalDate x && b instanceof LocalDate y) {
      return x.compareTo(y);
    }
    BigDecimal na = number(a);
    BigDecimal nb = number(b);
    if (na != null && nb != null) {
      return na.compareTo(nb);
    }
    return render(a).compareTo(render(b));
  }

  private static @Nullable BigDecimal number(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof String s && s.matches("-?[0-9]+(\\.[0-9]+)?")) {
      return new BigDecimal(s);
    }
    return null;
  }

  /**
   * A value as SuiteQL returns it in JSON: text. Dates and timestamps without {@code TO_CHAR} come back in the
   * default user date preference ({@code M/d/yyyy}, date only), as NetSuite does.
   */
  static String render(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof LocalDateTime t) {
      return DEFAULT_DATE.format(t);
    }
    if (v instanceof LocalDate d) {
      return DEFAULT_DATE.format(d);
    }
    return String.valueOf(v);
  }

  private static final DateTimeFormatter DEFAULT_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);

  /** Translates an Oracle date format ({@code YYYY-MM-DD"T"HH24:MI:SS}) into a {@link DateTimeFormatter}. */
  static DateTimeFormatter formatter(String oracle) {
    StringBuilder p = new StringBuilder();
    int i = 0;
    String upper = oracle.toUpperCase(Locale.ROOT);
    while (i < oracle.length()) {
      char c = oracle.charAt(i);
      if (c == '"') {
        int end = oracle.indexOf('"', i + 1);
        if (end < 0) {
          throw new SuiteQlException("Unterminated literal in format " + oracle);
        }
        p.append('\'').append(oracle, i + 1, end).append('\'');
        i = end + 1;
      } else if (upper.startsWith("YYYY", i)) {
        p.append("uuuu");
        i += 4;
      } else if (upper.startsWith("HH24", i)) {
        p.append("HH");
        i += 4;
      } else if (upper.startsWith("MM", i)) {
        p.append("MM");
        i += 2;
      } else if (upper.startsWith("DD", i)) {
        p.append("dd");
        i += 2;
      } else if (upper.startsWith("MI", i)) {
        p.append("mm");
        i += 2;
      } else if (upper.startsWith("SS", i)) {
        p.append("ss");
        i += 2;
      } else if (Character.isLetter(c)) {
        throw new SuiteQlException("Unsupported date format element in " + oracle);
      } else {
        p.append('\'').append(c).append('\'');
        i++;
      }
    }
    return DateTimeFormatter.ofPattern(p.toString(), Locale.ROOT);
  }

  /** Runs a parsed query's filter, order and projection over rows (lower-case column names). */
  static List<Map<String, Object>> run(Query q, List<Map<String, Object>> rows) {
    List<Map<String, Object>> matched = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      if (q.where() == null || q.where().test(row)) {
        matched.add(row);
      }
    }
    if (!q.orderBy().isEmpty()) {
      Comparator<Map<String, Object>> cmp = null;
      for (Order o : q.orderBy()) {
        Comparator<Map<String, Object>> one = (x, y) -> {
          Object a = o.value().eval(x);
          Object b = o.value().eval(y);
          if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1; // Oracle: NULLS LAST ascending
          }
          return compare(a, b);
        };
        if (o.descending()) {
          one = one.reversed();
        }
        cmp = cmp == null ? one : cmp.thenComparing(one);
      }
      matched.sort(Objects.requireNonNull(cmp));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : matched) {
      Map<String, Object> projected = new LinkedHashMap<>();
      for (Item item : q.select()) {
        if (item.value() == null) {
          row.forEach((k, v) -> {
            if (v != null) {
              projected.put(k, render(v));
            }
          });
        } else {
          Object v = item.value().eval(row);
          if (v != null) { // null columns are left out
            projected.put(item.name(), render(v));
          }
        }
      }
      out.add(projected);
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------ parser

  private enum Kind { WORD, STRING, NUMBER, SYMBOL, END }

  private record Token(Kind kind, String text) {}

  static Query parse(String text) {
    return new Parser(tokenize(text)).query();
  }

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
          if (i >= s.length()) {
            throw new SuiteQlException("Unterminated string literal");
          }
          if (s.charAt(i) == '\'') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
              b.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          b.append(s.charAt(i++));
        }
        out.add(new Token(Kind.STRING, b.toString()));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, s.substring(start, i)));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
            || s.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Kind.WORD, s.substring(start, i).toLowerCase(Locale.ROOT)));
      } else if (s.startsWith("<>", i) || s.startsWith("!=", i) || s.startsWith("<=", i) || s.startsWith(">=", i)) {
        out.add(new Token(Kind.SYMBOL, s.substring(i, i + 2)));
        i += 2;
      } else if ("=<>(),*".indexOf(c) >= 0) {
        out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
        i++;
      } else {
        throw new SuiteQlException("Unexpected character '" + c + "' at position " + i);
      }
    }
    out.add(new Token(Kind.END, ""));
    return out;
  }

  private static final class Parser {
    private final List<Token> tokens;
    private int pos;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    Query query() {
      expectWord("select");
      List<Item> select = new ArrayList<>();
      do {
        select.add(item());
      } while (acceptSymbol(","));
      expectWord("from");
      String from = word("a table name");
      Cond where = acceptWord("where") ? or() : null;
      List<Order> orderBy = new ArrayList<>();
      if (acceptWord("order")) {
        expectWord("by");
        do {
          Value v = value();
          boolean desc = acceptWord("desc");
          if (!desc) {
            acceptWord("asc");
          }
          orderBy.add(new Order(v, desc));
        } while (acceptSymbol(","));
      }
      if (peek().kind() != Kind.END) {
        throw new SuiteQlException("Unexpected '" + peek().text() + "' after the query");
      }
      return new Query(List.copyOf(select), from, where, List.copyOf(orderBy));
    }

    private Item item() {
      if (acceptSymbol("*")) {
        return new Item(null, "*");
      }
      Value v = value();
      String name;
      if (acceptWord("as")) {
        name = word("an alias");
      } else if (peek().kind() == Kind.WORD && !peek().text().equals("from")) {
        name = word("an alias");
      } else if (v instanceof Column c) {
        name = c.name().substring(c.name().lastIndexOf('.') + 1);
      } else {
        name = "expr" + pos;
      }
      return new Item(v, name);
    }

    private Cond or() {
      Cond c = and();
      while (acceptWord("or")) {
        c = new Or(c, and());
      }
      return c;
    }

    private Cond and() {
      Cond c = not();
      while (acceptWord("and")) {
        c = new And(c, not());
      }
      return c;
    }

    private Cond not() {
      if (acceptWord("not")) {
        return new Not(not());
      }
      if (peek().kind() == Kind.SYMBOL && peek().text().equals("(")) {
        pos++;
        Cond c = or();
        expectSymbol(")");
        return c;
      }
      Value left = value();
      if (acceptWord("is")) {
        boolean negated = acceptWord("not");
        expectWord("null");
        return new IsNull(left, negated);
      }
      boolean negated = acceptWord("not");
      if (acceptWord("in")) {
        expectSymbol("(");
        List<Value> options = new ArrayList<>();
        do {
          options.add(value());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return new In(left, List.copyOf(options), negated);
      }
      if (acceptWord("like")) {
        Token t = next();
        if (t.kind() != Kind.STRING) {
          throw new SuiteQlException("LIKE needs a string pattern");
        }
        return new Like(left, t.text(), negated);
      }
      if (negated) {
        throw new SuiteQlException("NOT must be followed by IN or LIKE here");
      }
      if (acceptWord("between")) {
        Value low = value();
        expectWord("and");
        Value high = value();
        return new And(new Compare(left, ">=", low), new Compare(left, "<=", high));
      }
      Token op = next();
      if (op.kind() != Kind.SYMBOL || !List.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(op.text())) {
        throw new SuiteQlException("Expected a comparison operator but found '" + op.text() + "'");
      }
      return new Compare(left, op.text(), value());
    }

    private Value value() {
      Token t = next();
      switch (t.kind()) {
        case STRING:
          return new Literal(t.text());
        case NUMBER:
          return new Literal(new BigDecimal(t.text()));
        case WORD:
          if (t.text().equals("null")) {
            return new Literal(null);
          }
          if (acceptSymbol("(")) {
            List<Value> args = new ArrayList<>();
            do {
              args.add(value());
            } while (acceptSymbol(","));
            expectSymbol(")");
            if (!List.of("to_date", "to_timestamp", "to_char", "upper", "lower").contains(t.text())) {
              throw new SuiteQlException("Unknown function " + t.text().toUpperCase(Locale.ROOT));
            }
            return new Call(t.text(), List.copyOf(args));
          }
          if (isKeyword(t.text())) {
            throw new SuiteQlException("Unexpected keyword " + t.text().toUpperCase(Locale.ROOT));
          }
          return new Column(t.text());
        default:
          throw new SuiteQlException("Expected a value but found '" + t.text() + "'");
      }
    }

    private static boolean isKeyword(String w) {
      return List.of("select", "from", "where", "order", "by", "and", "or", "not", "in", "is", "like", "as",
          "asc", "desc", "between").contains(w);
    }

    private Token peek() {
      return tokens.get(pos);
    }

    private Token next() {
      Token t = tokens.get(pos);
      if (t.kind() != Kind.END) {
        pos++;
      }
      return t;
    }

    private boolean acceptWord(String w) {
      if (peek().kind() == Kind.WORD && peek().text().equals(w)) {
        pos++;
        return true;
      }
      return false;
    }

    private boolean acceptSymbol(String s) {
      if (peek().kind() == Kind.SYMBOL && peek().text().equals(s)) {
        pos++;
        return true;
      }
      return false;
    }

    private void expectWord(String w) {
      if (!acceptWord(w)) {
        throw new SuiteQlException("Expected " + w.toUpperCase(Locale.ROOT) + " but found '" + peek().text() + "'");
      }
    }

    private void expectSymbol(String s) {
      if (!acceptSymbol(s)) {
        throw new SuiteQlException("Expected '" + s + "' but found '" + peek().text() + "'");
      }
    }

    private String word(String what) {
      Token t = next();
      if (t.kind() != Kind.WORD || isKeyword(t.text())) {
        throw new SuiteQlException("Expected " + what + " but found '" + t.text() + "'");
      }
      return t.text();
    }
  }
}
