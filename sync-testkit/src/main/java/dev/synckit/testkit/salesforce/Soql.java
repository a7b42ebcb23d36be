package dev.synckit.testkit.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small SOQL subset: tokenizer, recursive-descent parser and evaluator. Stateless and thread-safe.
 *
 * <pre>
 * query   := SELECT field {, field} FROM type [WHERE or] [ORDER BY order {, order}] [LIMIT n]
 * or      := and {OR and}
 * and     := not {AND not}
 * not     := NOT not | '(' or ')' | field op literal | field [NOT] IN '(' literal {, literal} ')'
 *            | field LIKE string
 * order   := field [ASC | DESC] [NULLS FIRST | NULLS LAST]
 * </pre>
 */
final class Soql {

  private Soql() {}

  record Query(List<String> fields, String from, @Nullable Expr where, List<Order> orderBy, @Nullable Integer limit) {

    Query mapFields(UnaryOperator<String> f) {
      List<String> mapped = fields.stream().map(f).toList();
      List<Order> orders = orderBy.stream().map(o -> new Order(f.apply(o.field()), o.descending(), o.nullsFirst()))
          .toList();
      return new Query(mapped, from, where == null ? null : where.mapFields(f), orders, limit);
    }
  }

  record Order(String field, boolean descending, boolean nullsFirst) {}

  enum LiteralKind { STRING, NUMBER, BOOLEAN, NULL, DATETIME, DATE }

  record Literal(LiteralKind kind, @Nullable Object value) {}

  sealed interface Expr permits And, Or, Not, Comparison, In, Like {
    boolean test(Map<String, Object> record);

    Expr mapFields(UnaryOperator<String> f);

    void collectFields(List<String> out);
  }

  record And(Expr left, Expr right) implements Expr {
    public boolean test(Map<String, Object> r) {
      return left.test(r) && right.test(r);
    }

    public Expr mapFields(UnaryOperator<String> f) {
      return new And(left.mapFields(f), right.mapFields(f));
    }

    public void collectFields(List<String> out) {
      left.collectFields(out);
      right.collectFields(out);
    }
  }

  record Or(Expr left, Expr right) implements Expr {
    public boolean test(Map<String, Object> r) {
      return left.test(r) || right.test(r);
    }

    public Expr mapFields(UnaryOperator<String> f) {
      return new Or(left.mapFields(f), right.mapFields(f));
    }

    public void collectFields(List<String> out) {
      left.collectFields(out);
      right.collectFields(out);
    }
  }

  record Not(Expr inner) implements Expr {
    public boolean test(Map<String, Object> r) {
      return !inner.test(r);
    }

    public Expr mapFields(UnaryOperator<String> f) {
      return new Not(inner.mapFields(f));
    }

    public void collectFields(List<String> out) {
      inner.collectFields(out);
    }
  }

  record Comparison(String field, String op, Literal literal) implements Expr {
    public boolean test(Map<String, Object> r) {
      return compare(r.get(field), op, literal);
    }

    public Expr mapFields(UnaryOperator<String> f) {
      return new Comparison(f.apply(field), op, literal);
    }

    public void collectFields(List<String> out) {
      out.add(field);
    }
  }

  record In(String field, boolean negated, List<Literal> values) implements Expr {
    public boolean test(Map<String, Object> r) {
      Object v = r.get(field);
      boolean any = values.stream().anyMatch(l -> compare(v, "=", l));
      return negated != any;
    }

    public Expr mapFields(UnaryOperator<String> f) {
      return new In(f.apply(field), negated, values);
    }

    public void collectFields(List<String> out) {
      out.add(field);
    }
  }

  record Like(String field, String pattern) implements Expr {
    public boolean test(Map<String, Object> r) {
      Object v = r.get(field);
      if (v == null) {
        return false;
      }
      StringBuilder regex = new StringBuilder();
      char[] chars = pattern.toCharArray();
      for (int i = 0; i < chars.length; i++) {
        char c = chars[i];
        if (c == '\\' && i + 1 < chars.length) {
          regex.append(Pattern.quote(String.valueOf(chars[++i])));
        } else if (c == '%') {
          regex.append(".*");
        } else if (c == '_') {
          regex.append('.');
        } else {
          regex.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
          .matcher(String.valueOf(v)).matches();
    }

    public Expr mapFields(UnaryOperator<String> f) {
      return new Like(f.apply(field), pattern);
    }

    public void collectFields(List<String> out) {
      out.add(field);
    }
  }

  // ---------------------------------------------------------------- evaluation

  static boolean compare(@Nullable Object value, String op, Literal literal) {
    if (literal.kind() == LiteralKind.NULL) {
      return switch (op) {
        case "=" -> value == null;
        case "!=" -> value != null;
        default -> false;
      };
    }
    if (value == null) {
      return op.equals("!=");
    }
    Integer c = compareTyped(value, literal);
    if (c == null) {
      return op.equals("!=");
    }
    return switch (op) {
      case "=" -> c == 0;
      case "!=" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      default -> false;
    };
  }

  private static @Nullable Integer compareTyped(Object value, Literal literal) {
    Object lit = literal.value();
    switch (literal.kind()) {
      case DATETIME: {
        Instant v = toInstant(value);
        return v == null ? null : v.compareTo((Instant) lit);
      }
      case DATE: {
        LocalDate v = toDate(value);
        return v == null ? null : v.compareTo((LocalDate) lit);
      }
      case NUMBER: {
        BigDecimal v = toNumber(value);
        return v == null ? null : v.compareTo((BigDecimal) lit);
      }
      case BOOLEAN:
        return Boolean.compare(Boolean.parseBoolean(String.valueOf(value)), (Boolean) lit);
      default:
        return String.valueOf(value).compareToIgnoreCase(String.valueOf(lit));
    }
  }

  static @Nullable Instant toInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    try {
      return parseDateTime(String.valueOf(value));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static @Nullable LocalDate toDate(Object value) {
    String s = String.valueOf(value);
    try {
      return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static @Nullable BigDecimal toNumber(Object value) {
    try {
      return new BigDecimal(String.valueOf(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Parses {@code 2024-05-01T00:00:00Z}, {@code ...+00:00} and Salesforce's {@code ...000+0000}. */
  static Instant parseDateTime(String text) {
    String s = text;
    if (s.matches(".*[+-]\\d{4}$")) {
      s = s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2);
    }
    return OffsetDateTime.parse(s).toInstant();
  }

  /** Orders values as SOQL does: numbers, datetimes and dates by value, text ignoring case. */
  static final Comparator<Object> VALUE_ORDER = (a, b) -> {
    if (a instanceof Number && b instanceof Number) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    String sa = String.valueOf(a);
    String sb = String.valueOf(b);
    if (Soql.DATETIME.matcher(sa).matches() && Soql.DATETIME.matcher(sb).matches()) {
      Instant ia = toInstant(sa);
      Instant ib = toInstant(sb);
      if (ia != null && ib != null) {
        return ia.compareTo(ib);
      }
    }
    int c = sa.compareToIgnoreCase(sb);
    return c != 0 ? c : sa.compareTo(sb);
  };

  // ---------------------------------------------------------------- tokenizer

  private static final Pattern DATETIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
  private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE",
      "ORDER", "BY", "ASC", "DESC", "NULLS", "FIRST", "LAST", "LIMIT", "TRUE", "FALSE", "NULL");

  enum TokenType { IDENT, KEYWORD, STRING, NUMBER, DATETIME, DATE, OP, LPAREN, RPAREN, COMMA, EOF }

  record Token(TokenType type, String text, int position) {}

  static List<Token> tokenize(String soql) throws SoqlException {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = soql.length();
    while (i < n) {
      char c = soql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (c == '(') {
        tokens.add(new Token(TokenType.LPAREN, "(", i++));
      } else if (c == ')') {
        tokens.add(new Token(TokenType.RPAREN, ")", i++));
      } else if (c == ',') {
        tokens.add(new Token(TokenType.COMMA, ",", i++));
      } else if (c == '\'') {
        StringBuilder sb = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char d = soql.charAt(i);
          if (d == '\\') {
            if (i + 1 >= n) {
              break;
            }
            char e = soql.charAt(i + 1);
            switch (e) {
              case 'n' -> sb.append('\n');
              case 't' -> sb.append('\t');
              case 'r' -> sb.append('\r');
              case 'b' -> sb.append('\b');
              case 'f' -> sb.append('\f');
              case '\'', '"', '\\', '%', '_' -> sb.append(e == '%' || e == '_' ? "\\" + e : String.valueOf(e));
              default -> throw malformed("Invalid escape sequence \\" + e, i);
            }
            i += 2;
          } else if (d == '\'') {
            i++;
            closed = true;
            break;
          } else {
            sb.append(d);
            i++;
          }
        }
        if (!closed) {
          throw malformed("unterminated string literal", start);
        }
        tokens.add(new Token(TokenType.STRING, sb.toString(), start));
      } else if (c == '=' ) {
        tokens.add(new Token(TokenType.OP, "=", i++));
      } else if (c == '!' && i + 1 < n && soql.charAt(i + 1) == '=') {
        tokens.add(new Token(TokenType.OP, "!=", i));
        i += 2;
      } else if (c == '<' || c == '>') {
        if (i + 1 < n && soql.charAt(i + 1) == '=') {
          tokens.add(new Token(TokenType.OP, c + "=", i));
          i += 2;
        } else if (c == '<' && i + 1 < n && soql.charAt(i + 1) == '>') {
          tokens.add(new Token(TokenType.OP, "!=", i));
          i += 2;
        } else {
          tokens.add(new Token(TokenType.OP, String.valueOf(c), i++));
        }
      } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(soql.charAt(i + 1)))) {
        Token t = matchAt(DATETIME, TokenType.DATETIME, soql, i);
        if (t == null) {
          t = matchAt(DATE, TokenType.DATE, soql, i);
        }
        if (t == null) {
          t = matchAt(NUMBER, TokenType.NUMBER, soql, i);
        }
        if (t == null) {
          throw malformed("unexpected token", i);
        }
        tokens.add(t);
        i += t.text().length();
      } else if (Character.isLetter(c) || c == '_') {
        Token t = matchAt(IDENT, TokenType.IDENT, soql, i);
        if (t == null) {
          throw malformed("unexpected token", i);
        }
        String upper = t.text().toUpperCase(Locale.ROOT);
        tokens.add(KEYWORDS.contains(upper) ? new Token(TokenType.KEYWORD, upper, i) : t);
        i += t.text().length();
      } else {
        throw malformed("unexpected token: '" + c + "'", i);
      }
    }
    tokens.add(new Token(TokenType.EOF, "", n));
    return tokens;
  }

  private static @Nullable Token matchAt(Pattern p, TokenType type, String s, int at) {
    Matcher m = p.matcher(s);
    m.region(at, s.length());
    if (m.lookingAt()) {
      int end = m.end();
      if (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == ':')) {
        return null;
      }
      return new Token(type, m.group(), at);
    }
    return null;
  }

  private static SoqlException malformed(String message, int position) {
    return new SoqlException("MALFORMED_QUERY", "ERROR at Row:1:Column:" + (position + 1) + "\n" + message);
  }

  // ---------------------------------------------------------------- parser

  static Query parse(String soql) throws SoqlException {
    return new Parser(tokenize(soql)).query();
  }

  private static final class Parser {
    private final List<Token> tokens;
    private int pos;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    private Token peek() {
      return tokens.get(pos);
    }

    private Token next() {
      return tokens.get(pos++);
    }

    private boolean atKeyword(String kw) {
      Token t = peek();
      return t.type() == TokenType.KEYWORD && t.text().equals(kw);
    }

    private void expectKeyword(String kw) throws SoqlException {
      if (!atKeyword(kw)) {
        throw unexpected("expecting " + kw);
      }
      pos++;
    }

    private Token expect(TokenType type, String what) throws SoqlException {
      if (peek().type() != type) {
        throw unexpected("expecting " + what);
      }
      return next();
    }

    private SoqlException unexpected(String expectation) {
      Token t = peek();
      String found = t.type() == TokenType.EOF ? "end of query" : "'" + t.text() + "'";
      return malformed("unexpected token: " + found + ", " + expectation, t.position());
    }

    Query query() throws SoqlException {
      expectKeyword("SELECT");
      List<String> fields = new ArrayList<>();
      fields.add(expect(TokenType.IDENT, "a field name").text());
      while (peek().type() == TokenType.COMMA) {
        pos++;
        fields.add(expect(TokenType.IDENT, "a field name").text());
      }
      expectKeyword("FROM");
      String from = expect(TokenType.IDENT, "an object name").text();
      Expr where = null;
      if (atKeyword("WHERE")) {
        pos++;
        where = or();
      }
      List<Order> orders = new ArrayList<>();
      if (atKeyword("ORDER")) {
        pos++;
        expectKeyword("BY");
        orders.add(order());
        while (peek().type() == TokenType.COMMA) {
          pos++;
          orders.add(order());
        }
      }
      Integer limit = null;
      if (atKeyword("LIMIT")) {
        pos++;
        Token t = expect(TokenType.NUMBER, "a number");
        try {
          limit = Integer.valueOf(t.text());
        } catch (NumberFormatException e) {
          throw malformed("invalid LIMIT " + t.text(), t.position());
        }
        if (limit < 0) {
          throw malformed("invalid LIMIT " + t.text(), t.position());
        }
      }
      if (peek().type() != TokenType.EOF) {
        throw unexpected("expecting end of query");
      }
      return new Query(List.copyOf(fields), from, where, List.copyOf(orders), limit);
    }

    private Order order() throws SoqlException {
      String field = expect(TokenType.IDENT, "a field name").text();
      boolean desc = false;
      if (atKeyword("ASC")) {
        pos++;
      } else if (atKeyword("DESC")) {
        pos++;
        desc = true;
      }
      boolean nullsFirst = !desc;
      if (atKeyword("NULLS")) {
        pos++;
        if (atKeyword("FIRST")) {
          nullsFirst = true;
        } else if (atKeyword("LAST")) {
          nullsFirst = false;
        } else {
          throw unexpected("expecting FIRST or LAST");
        }
        pos++;
      }
      return new Order(field, desc, nullsFirst);
    }

    private Expr or() throws SoqlException {
      Expr left = and();
      while (atKeyword("OR")) {
        pos++;
        left = new Or(left, and());
      }
      return left;
    }

    private Expr and() throws SoqlException {
      Expr left = not();
      while (atKeyword("AND")) {
        pos++;
        left = new And(left, not());
      }
      return left;
    }

    private Expr not() throws SoqlException {
      if (atKeyword("NOT")) {
        pos++;
        return new Not(not());
      }
      if (peek().type() == TokenType.LPAREN) {
        pos++;
        Expr inner = or();
        expect(TokenType.RPAREN, "')'");
        return inner;
      }
      String field = expect(TokenType.IDENT, "a field name").text();
      if (atKeyword("LIKE")) {
        pos++;
        return new Like(field, expect(TokenType.STRING, "a string").text());
      }
      boolean negated = false;
      if (atKeyword("NOT")) {
        pos++;
        negated = true;
        if (!atKeyword("IN")) {
          throw unexpected("expecting IN");
        }
      }
      if (atKeyword("IN")) {
        pos++;
        expect(TokenType.LPAREN, "'('");
        List<Literal> values = new ArrayList<>();
        values.add(literal());
        while (peek().type() == TokenType.COMMA) {
          pos++;
          values.add(literal());
        }
        expect(TokenType.RPAREN, "')'");
        return new In(field, negated, List.copyOf(values));
      }
      Token op = expect(TokenType.OP, "a comparison operator");
      return new Comparison(field, op.text(), literal());
    }

    private Literal literal() throws SoqlException {
      Token t = next();
      switch (t.type()) {
        case STRING:
          return new Literal(LiteralKind.STRING, t.text());
        case NUMBER:
          return new Literal(LiteralKind.NUMBER, new BigDecimal(t.text()));
        case DATETIME:
          try {
            return new Literal(LiteralKind.DATETIME, parseDateTime(t.text()));
          } catch (DateTimeParseException e) {
            throw malformed("invalid datetime " + t.text(), t.position());
          }
        case DATE:
          try {
            return new Literal(LiteralKind.DATE, LocalDate.parse(t.text()));
          } catch (DateTimeParseException e) {
            throw malformed("invalid date " + t.text(), t.position());
          }
        case KEYWORD:
          switch (t.text()) {
            case "TRUE":
              return new Literal(LiteralKind.BOOLEAN, Boolean.TRUE);
            case "FALSE":
              return new Literal(LiteralKind.BOOLEAN, Boolean.FALSE);
            case "NULL":
              return new Literal(LiteralKind.NULL, null);
            default:
              break;
          }
          break;
        default:
          break;
      }
      pos--;
      throw unexpected("expecting a literal value");
    }
  }
}
